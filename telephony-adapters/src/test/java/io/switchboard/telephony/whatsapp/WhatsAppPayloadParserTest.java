package io.switchboard.telephony.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhatsAppPayloadParserTest {

    // Shape of Meta's "messages" webhook for a text message (Cloud API reference, webhooks/payload examples).
    static final String TEXT = """
            {
              "object": "whatsapp_business_account",
              "entry": [{
                "id": "102290129340398",
                "changes": [{
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {"display_phone_number": "441174960000", "phone_number_id": "106540352242922"},
                    "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "447700900123"}],
                    "messages": [{
                      "from": "447700900123",
                      "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                      "timestamp": "1749416383",
                      "type": "text",
                      "text": {"body": "Hi, my boiler is making a banging noise 😬 can you come Tuesday?"}
                    }]
                  },
                  "field": "messages"
                }]
              }]
            }""";

    static final String STATUS = """
            {
              "object": "whatsapp_business_account",
              "entry": [{"id": "102290129340398", "changes": [{"value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "441174960000", "phone_number_id": "106540352242922"},
                "statuses": [{
                  "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA",
                  "status": "delivered", "timestamp": "1750263773", "recipient_id": "447700900123",
                  "conversation": {"id": "CONVERSATION_ID", "origin": {"type": "service"}},
                  "pricing": {"billable": true, "pricing_model": "PMP", "category": "service"}
                }]
              }, "field": "messages"}]}]
            }""";

    static final String MIXED = """
            {
              "object": "whatsapp_business_account",
              "entry": [{"id": "1", "changes": [{"value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "441174960000", "phone_number_id": "106540352242922"},
                "contacts": [
                  {"profile": {"name": "Ana"}, "wa_id": "447700900111"},
                  {"profile": {"name": "Bo"}, "wa_id": "447700900222"}
                ],
                "messages": [
                  {"from": "447700900111", "id": "wamid.IMG", "timestamp": "1749416400", "type": "image",
                   "image": {"caption": "the leak", "mime_type": "image/jpeg", "sha256": "abc", "id": "1003383421387256"}},
                  {"from": "447700900222", "id": "wamid.LOC", "timestamp": "1749416401", "type": "location",
                   "location": {"latitude": 51.4545, "longitude": -2.5879, "name": "Bristol"}},
                  {"from": "447700900222", "id": "wamid.TXT", "timestamp": "1749416402", "type": "text",
                   "text": {"body": "что-нибудь на завтра?"}},
                  {"from": "447700900222", "id": "wamid.BROKEN", "type": "text", "text": {"body": "no timestamp"}},
                  {"from": "not-a-number", "id": "wamid.BAD", "timestamp": "1749416403", "type": "text",
                   "text": {"body": "x"}},
                  {"from": "447700900111", "id": "wamid.AUD", "timestamp": "1749416404", "type": "audio",
                   "audio": {"mime_type": "audio/ogg; codecs=opus", "id": "1"}},
                  {"from": "447700900111", "id": "wamid.STK", "timestamp": "1749416405", "type": "sticker",
                   "sticker": {"mime_type": "image/webp", "animated": false, "id": "2"}}
                ],
                "statuses": [{"id": "wamid.S1", "status": "read", "timestamp": "1749416406", "recipient_id": "447700900111"}]
              }, "field": "messages"}]}]
            }""";

    private final WhatsAppPayloadParser parser = new WhatsAppPayloadParser();

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsATextMessageWithSenderProfileAndReceivingNumber() throws Exception {
        WhatsAppWebhookBatch batch = parser.parse(utf8(TEXT));

        assertThat(batch.messages()).containsExactly(new WhatsAppTextMessage(
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                "+447700900123",
                Instant.ofEpochSecond(1749416383L),
                "Sheena Nelson",
                "106540352242922",
                "Hi, my boiler is making a banging noise 😬 can you come Tuesday?"));
        assertThat(batch.ignoredStatuses()).isZero();
        assertThat(batch.skippedMessages()).isZero();
    }

    @Test
    void statusUpdatesAreCountedAndIgnored() throws Exception {
        WhatsAppWebhookBatch batch = parser.parse(utf8(STATUS));
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.ignoredStatuses()).isEqualTo(1);
    }

    @Test
    void nonTextMessagesAreSurfacedWithTheirTypeAndBrokenOnesSkipped() throws Exception {
        WhatsAppWebhookBatch batch = parser.parse(utf8(MIXED));

        assertThat(batch.messages()).extracting(WhatsAppInboundMessage::messageId)
                .containsExactly("wamid.IMG", "wamid.LOC", "wamid.TXT", "wamid.AUD", "wamid.STK");
        assertThat(batch.messages().get(0)).isInstanceOfSatisfying(WhatsAppNonTextMessage.class, m -> {
            assertThat(m.type()).isEqualTo("image");
            assertThat(m.profileName()).isEqualTo("Ana");
            assertThat(m.fromE164()).isEqualTo("+447700900111");
        });
        assertThat(batch.messages().get(1)).isInstanceOfSatisfying(WhatsAppNonTextMessage.class,
                m -> assertThat(m.type()).isEqualTo("location"));
        assertThat(batch.messages().get(2)).isInstanceOfSatisfying(WhatsAppTextMessage.class, m -> {
            assertThat(m.text()).isEqualTo("что-нибудь на завтра?");
            assertThat(m.profileName()).isEqualTo("Bo");
        });
        assertThat(batch.messages().get(3)).isInstanceOfSatisfying(WhatsAppNonTextMessage.class,
                m -> assertThat(m.type()).isEqualTo("audio"));
        assertThat(batch.messages().get(4)).isInstanceOfSatisfying(WhatsAppNonTextMessage.class,
                m -> assertThat(m.type()).isEqualTo("sticker"));
        assertThat(batch.skippedMessages()).isEqualTo(2);
        assertThat(batch.ignoredStatuses()).isEqualTo(1);
    }

    @Test
    void messagesWithoutContactsHaveNoProfileName() throws Exception {
        String json = TEXT.replace("\"contacts\": [{\"profile\": {\"name\": \"Sheena Nelson\"}, \"wa_id\": \"447700900123\"}],", "");
        WhatsAppWebhookBatch batch = parser.parse(utf8(json));
        assertThat(batch.messages()).singleElement().satisfies(m -> assertThat(m.profileName()).isNull());
    }

    @Test
    void otherChangeFieldsAndEmptyEntriesYieldNothing() throws Exception {
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                  {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1}}]},
                  {"id":"2"}]}""";
        WhatsAppWebhookBatch batch = parser.parse(utf8(json));
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.skippedMessages()).isZero();
    }

    @Test
    void garbageIsATypedError() {
        assertThatThrownBy(() -> parser.parse(utf8("{not json"))).isInstanceOf(WhatsAppPayloadException.class)
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> parser.parse(utf8("[]"))).isInstanceOf(WhatsAppPayloadException.class);
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(WhatsAppPayloadException.class);
        assertThatThrownBy(() -> parser.parse(utf8("{\"object\":\"page\",\"entry\":[]}")))
                .isInstanceOf(WhatsAppPayloadException.class).hasMessageContaining("whatsapp_business_account");
        String deep = "{\"object\":\"whatsapp_business_account\",\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThatThrownBy(() -> parser.parse(utf8(deep))).isInstanceOf(WhatsAppPayloadException.class);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        WhatsAppPayloadParser small = new WhatsAppPayloadParser(100);
        assertThatThrownBy(() -> small.parse(utf8(TEXT))).isInstanceOf(WhatsAppPayloadException.class)
                .hasMessageContaining("exceeds");
    }
}

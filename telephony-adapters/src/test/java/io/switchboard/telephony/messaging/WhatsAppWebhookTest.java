package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.telephony.messaging.ProviderStub.Sent;
import io.switchboard.telephony.messaging.TextChannelsHarness.Reply;
import io.switchboard.telephony.whatsapp.WhatsAppSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /whatsapp/webhook} end to end. Replies leave through the real Graph client to the loopback stub; messages
 * inside one delivery are handled in order, which lets a test know an ignored message has been handled once the
 * next one's reply arrives.
 */
class WhatsAppWebhookTest {

    private final TextChannelsHarness sb = new TextChannelsHarness();
    private int replies;

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        Reply ok = sb.get(WhatsAppWebhook.PATH + "?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        Reply wrong = sb.get(WhatsAppWebhook.PATH + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).doesNotContain("1158201444");
    }

    @Test
    void aBookingConversationOverWhatsApp() {
        say("Hi, my kitchen sink is blocked, can you do a drain cleaning tmrw at 10am?");
        say("Jane Doe");
        say("yes");
        assertThat(say("12 Park Street, Bristol BS1 5HX")).contains("Book it?");
        String done = say("yes please");

        assertThat(done).as(sb.transcript()).startsWith("Booked");
        assertThat(sb.provider.sent()).allSatisfy(s -> {
            assertThat(s.provider()).isEqualTo("whatsapp");
            assertThat(s.to()).isEqualTo(CALLER);
            assertThat(s.authorization()).isEqualTo("Bearer " + TextChannelsHarness.ACCESS_TOKEN);
        });
        List<Appointment> booked = sb.fx.scheduling().appointments().startingBetween(sb.fx.clock().instant(),
                sb.fx.clock().instant().plusSeconds(90L * 86400));
        assertThat(booked).as(sb.transcript()).singleElement().satisfies(a -> {
            assertThat(a.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(a.slot().start()).isEqualTo(sb.fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)));
            assertThat(a.customer().phone()).isEqualTo(CALLER);
        });
    }

    @Test
    void aForgedNotificationIs401AndNeverProcessed() {
        byte[] body = new WhatsAppPayloads().text(WhatsAppPayloads.newId(), "cancel my booking").json()
                .getBytes(StandardCharsets.UTF_8);
        String forged = new WhatsAppSignatureVerifier("not-the-app-secret").signatureFor(body);

        assertThat(sb.whatsApp(body, forged).status()).isEqualTo(401);
        assertThat(sb.whatsApp(body, null).status()).isEqualTo(401);
        assertThat(sb.whatsApp("{not json".getBytes(StandardCharsets.UTF_8), forged).status()).isEqualTo(401);

        // A genuine message afterwards is answered, and it is the only one that reached the database.
        say("Hi there");
        assertThat(sb.count("select count(*) from processed_message")).isEqualTo(1);
        assertThat(sb.provider.sent()).hasSize(1);
    }

    @Test
    void aRedeliveredMessageIsAnsweredOnce() {
        String id = WhatsAppPayloads.newId();
        String payload = new WhatsAppPayloads().text(id, "Hi, can you do a drain cleaning tmrw at 10am?").json();
        assertThat(sb.whatsApp(payload).status()).isEqualTo(200);
        sb.provider.awaitSent(++replies);

        // The same message again, followed in the same delivery by a new one.
        String next = WhatsAppPayloads.newId();
        sb.whatsApp(new WhatsAppPayloads().text(id, "Hi, can you do a drain cleaning tmrw at 10am?")
                .text(next, "Jane Doe").json());
        List<Sent> sent = sb.provider.awaitSent(++replies);

        assertThat(sent).hasSize(2);
        assertThat(sb.count("select count(*) from processed_message where provider = 'whatsapp'")).isEqualTo(2);
    }

    @Test
    void statusUpdatesAndReactionsAreIgnoredAndPicturesGetAPoliteAnswer() {
        sb.whatsApp(new WhatsAppPayloads().delivered("wamid.out1").reaction(WhatsAppPayloads.newId())
                .image(WhatsAppPayloads.newId()).json());

        Sent only = sb.provider.awaitSent(1).getFirst();
        assertThat(only.text()).contains("only read text");
        assertThat(sb.count("select count(*) from processed_message")).as("reactions are not even recorded")
                .isEqualTo(1);
    }

    @Test
    void messagesForAnotherBusinessNumberAreNotAnswered() {
        sb.whatsApp(WhatsAppPayloads.combined(
                new WhatsAppPayloads("999999999").text(WhatsAppPayloads.newId(), "Hi"),
                new WhatsAppPayloads().text(WhatsAppPayloads.newId(), "Hello")));

        assertThat(sb.provider.awaitSent(1)).hasSize(1);
        assertThat(sb.count("select count(*) from processed_message")).isEqualTo(1);
    }

    @Test
    void stopOnWhatsAppIsConfirmedOnceThenSilenceUntilStart() {
        assertThat(say("STOP")).contains("won't get any more messages");

        sb.whatsApp(new WhatsAppPayloads().text(WhatsAppPayloads.newId(), "Hi, are you open today?")
                .text(WhatsAppPayloads.newId(), "start").json());
        List<Sent> sent = sb.provider.awaitSent(++replies);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).contains("subscribed");
        assertThat(sb.count("select count(*) from processed_message where reply is null"))
                .as("the message while opted out was handled, silently").isEqualTo(1);
    }

    @Test
    void aBodyThatIsSignedButNotANotificationIsAcknowledgedAndIgnored() {
        assertThat(sb.whatsApp("{\"object\":\"page\",\"entry\":[]}").status()).isEqualTo(200);
        assertThat(sb.whatsApp("[1, 2, 3]").status()).isEqualTo(200);
        assertThat(say("Hi")).as("the server carries on").isNotBlank();
    }

    /** One text message in its own delivery; waits for the reply and returns it. */
    private String say(String text) {
        Reply ack = sb.whatsApp(new WhatsAppPayloads().text(WhatsAppPayloads.newId(), text).json());
        assertThat(ack.status()).isEqualTo(200);
        String reply = sb.provider.awaitSent(++replies).get(replies - 1).text();
        sb.transcript.add("whatsapp -> " + text);
        sb.transcript.add("   <- " + reply);
        return reply;
    }
}

package io.switchboard.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.models.Channel;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppCloudSenderTest {

    static final String ACCEPTED = """
            {"messaging_product": "whatsapp",
             "contacts": [{"input": "447700900123", "wa_id": "447700900123"}],
             "messages": [{"id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"}]}""";
    static final String NOT_ALLOWED = """
            {"error": {"message": "(#131030) Recipient phone number not in allowed list", "type": "OAuthException",
             "code": 131030, "error_data": {"messaging_product": "whatsapp",
             "details": "Recipient phone number +447700900123 not in allowed list"}, "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"}}""";

    private LoopbackHttpServer graph;

    @BeforeEach
    void start() throws Exception {
        graph = new LoopbackHttpServer(new LoopbackHttpServer.Reply(200, "application/json", ACCEPTED));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    static WhatsAppCloudSender sender(URI base) {
        return new WhatsAppCloudSender(new WhatsAppCloudSettings(base, "v21.0", "106540352242922",
                "EAAG-test-token", Duration.ofSeconds(5)));
    }

    @Test
    void postsATextMessageToThePhoneNumbersMessagesEdge() throws Exception {
        String id = sender(graph.baseUrl()).send("+447700900123", "Hi Sheena, Tuesday 2pm works 👍 \"quoted\"");

        assertThat(id).isEqualTo("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA");
        LoopbackHttpServer.Recorded r = graph.requests().getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v21.0/106540352242922/messages");
        assertThat(r.authorization()).isEqualTo("Bearer EAAG-test-token");
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.get("recipient_type").asText()).isEqualTo("individual");
        assertThat(body.get("to").asText()).isEqualTo("447700900123");
        assertThat(body.get("type").asText()).isEqualTo("text");
        assertThat(body.at("/text/body").asText()).isEqualTo("Hi Sheena, Tuesday 2pm works 👍 \"quoted\"");
        assertThat(body.at("/text/preview_url").asBoolean(true)).isFalse();
    }

    @Test
    void aClientErrorIsPermanentAndKeepsOnlyMetasCode() {
        graph.enqueue(400, "application/json", NOT_ALLOWED);

        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender(graph.baseUrl()).send("+447700900123", "hi"));

        assertThat(f.isTransient()).isFalse();
        assertThat(f.httpStatus()).isEqualTo(400);
        assertThat(f.getMessage()).contains("131030").doesNotContain("900123");
    }

    @Test
    void throttlingAndServerErrorsAreTransient() {
        graph.enqueue(429, "application/json", "{\"error\":{\"code\":130429,\"message\":\"Rate limit hit\"}}");
        graph.enqueue(500, "text/plain", "oops");

        SendFailure throttled = catchThrowableOfType(SendFailure.class,
                () -> sender(graph.baseUrl()).send("+447700900123", "hi"));
        SendFailure broken = catchThrowableOfType(SendFailure.class,
                () -> sender(graph.baseUrl()).send("+447700900123", "hi"));

        assertThat(throttled.isTransient()).isTrue();
        assertThat(throttled.getMessage()).contains("130429");
        assertThat(broken.isTransient()).isTrue();
        assertThat(broken.httpStatus()).isEqualTo(500);
    }

    @Test
    void anAcceptedAnswerWithoutAnIdIsNotRetried() {
        graph.enqueue(200, "application/json", "{}");
        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender(graph.baseUrl()).send("+447700900123", "hi"));
        assertThat(f.isTransient()).isFalse();
    }

    @Test
    void settingsBuildTheEndpointAndHideTheToken() {
        WhatsAppCloudSettings s = new WhatsAppCloudSettings(URI.create("https://graph.facebook.com/"), "v21.0",
                "106540352242922", "EAAG-secret", Duration.ofSeconds(5));
        assertThat(s.messagesEndpoint()).hasToString("https://graph.facebook.com/v21.0/106540352242922/messages");
        assertThat(s.toString()).doesNotContain("EAAG-secret");
        assertThat(sender(graph.baseUrl()).channel()).isEqualTo(Channel.WHATSAPP);
    }
}

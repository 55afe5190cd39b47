package io.switchboard.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.models.Channel;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioSmsSenderTest {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "secret-auth-token";
    static final String CREATED = """
            {"account_sid": "AC0123456789abcdef0123456789abcdef", "api_version": "2010-04-01",
             "body": "Your plumber is booked for Tue 14:00", "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
             "date_sent": null, "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api",
             "error_code": null, "error_message": null, "from": "+441174960000", "num_media": "0",
             "num_segments": "1", "price": null, "price_unit": null,
             "messaging_service_sid": null, "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f", "status": "queued",
             "subresource_uris": {"media": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f/Media.json"},
             "to": "+447700900123",
             "uri": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json"}""";
    static final String BAD_NUMBER = """
            {"code": 21211, "message": "The 'To' number +447700900123 is not a valid phone number.",
             "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""";

    private LoopbackHttpServer twilio;

    @BeforeEach
    void start() throws Exception {
        twilio = new LoopbackHttpServer(new LoopbackHttpServer.Reply(201, "application/json", CREATED));
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    static TwilioSmsSender sender(URI base, String from) {
        return new TwilioSmsSender(new TwilioSmsSettings(ACCOUNT, TOKEN, from, base, Duration.ofSeconds(5)));
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void postsTheMessageToTheMessagesResourceWithBasicAuth() throws Exception {
        String sid = sender(twilio.baseUrl(), "+441174960000").send("+447700900123", "Booked: Tue 14:00 – £60 👍");

        assertThat(sid).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
        assertThat(twilio.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
            assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(form(r.body())).containsEntry("To", "+447700900123")
                    .containsEntry("From", "+441174960000")
                    .containsEntry("Body", "Booked: Tue 14:00 – £60 👍");
        });
    }

    @Test
    void aMessagingServiceSidIsSentAsSuch() throws Exception {
        sender(twilio.baseUrl(), "MG9752274e9e519418a7406176694466fa").send("+447700900123", "hi");

        assertThat(form(twilio.requests().getFirst().body()))
                .containsEntry("MessagingServiceSid", "MG9752274e9e519418a7406176694466fa")
                .doesNotContainKey("From");
    }

    @Test
    void aBasePathPrefixIsKept() throws Exception {
        sender(URI.create(twilio.baseUrl() + "/twilio-mock/"), "+441174960000").send("+447700900123", "hi");
        assertThat(twilio.requests().getFirst().path())
                .isEqualTo("/twilio-mock/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
    }

    @Test
    void aClientErrorIsPermanentAndItsTextIsNotRepeated() {
        twilio.enqueue(400, "application/json", BAD_NUMBER);

        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender(twilio.baseUrl(), "+441174960000").send("+447700900123", "hi"));

        assertThat(f.isTransient()).isFalse();
        assertThat(f.httpStatus()).isEqualTo(400);
        assertThat(f.getMessage()).contains("21211").doesNotContain("900123");
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void serverErrorsAreTransientAndNotRetriedInsideTwilioJava() {
        twilio.enqueue(503, "text/html", "<html>Service Unavailable</html>");

        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender(twilio.baseUrl(), "+441174960000").send("+447700900123", "hi"));

        assertThat(f.isTransient()).isTrue();
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(twilio.requests()).as("one attempt; retries belong to the service").hasSize(1);
    }

    @Test
    void tooManyRequestsIsTransient() {
        twilio.enqueue(429, "application/json",
                "{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": \"\", \"status\": 429}");
        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender(twilio.baseUrl(), "+441174960000").send("+447700900123", "hi"));
        assertThat(f.isTransient()).isTrue();
        assertThat(f.httpStatus()).isEqualTo(429);
    }

    @Test
    void connectionRefusedIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SendFailure f = catchThrowableOfType(SendFailure.class,
                () -> sender(URI.create("http://127.0.0.1:" + closedPort), "+441174960000").send("+447700900123", "hi"));
        assertThat(f.isTransient()).isTrue();
        assertThat(f.httpStatus()).isEqualTo(SendFailure.NO_STATUS);
    }

    @Test
    void identifiesItsChannel() {
        TwilioSmsSender sender = sender(twilio.baseUrl(), "+441174960000");
        assertThat(sender.channel()).isEqualTo(Channel.SMS);
        assertThat(sender.maxTextLength()).isEqualTo(1600);
        assertThat(new TwilioSmsSettings(ACCOUNT, TOKEN, "+441174960000").toString()).doesNotContain(TOKEN);
    }
}

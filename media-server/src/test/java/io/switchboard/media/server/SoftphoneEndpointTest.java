package io.switchboard.media.server;

import io.switchboard.media.simulator.TwilioMessages;
import io.switchboard.telephony.twilio.TwimlResponses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser softphone's endpoint ({@code /media/softphone}) over a real loopback WebSocket: a start with a live
 * ticket opens a call on the same call factory as Twilio streams, under a fresh call id; an unknown or reused ticket
 * is closed with 1008 before any call is opened; the Twilio path still wants Twilio's proofs.
 */
class SoftphoneEndpointTest {

    private static final String TICKET = "ticket-from-a-dashboard-session";

    private final RecordingCalls calls = new RecordingCalls();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final SoftphoneStreamAuth softphone = new SoftphoneStreamAuth(live::remove);
    private final MediaWebSocketServer server = MediaWebSocketServer.start(MediaServerSettings.loopback(), calls,
            MediaStreamAuth.refuseAll("no Twilio in this test"), softphone);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        softphone.close();
        http.close();
    }

    @Test
    void aLiveTicketOpensACallThroughTheSameFactoryWithAFreshCallIdAndTheChosenCallerId() throws Exception {
        live.add(TICKET);
        Socket socket = connect(server.softphonePath());
        socket.ws.sendText(start(TICKET, "+447700900123"), true).get(5, TimeUnit.SECONDS);

        awaitCall();
        assertThat(calls.calls).singleElement().satisfies(c -> {
            assertThat(c.start.callSid()).startsWith("WB").hasSize(34);
            assertThat(c.start.customParameters()).containsEntry(TwimlResponses.PARAM_FROM, "+447700900123")
                    .doesNotContainKey(SoftphoneStreamAuth.PARAM_TICKET);
        });
        assertThat(live).as("the ticket is used up").isEmpty();
        assertThat(socket.closed).isNotDone();
    }

    @Test
    void aCallerIdThatIsNotANumberIsDropped() throws Exception {
        live.add(TICKET);
        Socket socket = connect(server.softphonePath());
        socket.ws.sendText(start(TICKET, "owner\"}"), true).get(5, TimeUnit.SECONDS);

        awaitCall();
        assertThat(calls.calls.getFirst().start.customParameters()).doesNotContainKey(TwimlResponses.PARAM_FROM);
    }

    @Test
    void anUnknownOrUsedTicketIsClosedWithPolicyViolationAndOpensNoCall() throws Exception {
        Socket unknown = connect(server.softphonePath());
        unknown.ws.sendText(start("guessed", null), true);
        assertThat(unknown.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);

        Socket none = connect(server.softphonePath());
        none.ws.sendText(TwilioMessages.start("MZ" + "ab".repeat(16), "CA" + "ab".repeat(16), "+447700900999"), true);
        assertThat(none.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        Thread.sleep(Duration.ofMillis(200));
        assertThat(calls.calls).isEmpty();
    }

    @Test
    void theTwilioPathIsNotOpenedByATicket() throws Exception {
        live.add(TICKET);
        Socket twilio = connect("/media");
        twilio.ws.sendText(start(TICKET, "+447700900123"), true).exceptionally(e -> null);

        assertThat(twilio.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(calls.calls).isEmpty();
        assertThat(live).contains(TICKET);
    }

    private void awaitCall() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.calls.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static String start(String ticket, String from) {
        String fromParam = from == null ? "" : ",\"From\":\"" + from.replace("\"", "\\\"") + "\"";
        return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"streamSid\":\"MZbrowser\","
                + "\"callSid\":\"browser\",\"tracks\":[\"inbound\"],"
                + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},"
                + "\"customParameters\":{\"ticket\":\"" + ticket + "\"" + fromParam + "}},\"streamSid\":\"MZbrowser\"}";
    }

    private record Socket(WebSocket ws, CompletableFuture<Integer> closed) {
    }

    private Socket connect(String path) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.completeExceptionally(error);
                    }
                }).get(10, TimeUnit.SECONDS);
        return new Socket(ws, closed);
    }
}

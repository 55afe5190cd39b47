package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.media.simulator.StreamCredentials;
import io.switchboard.media.simulator.TwilioMessages;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.voice.CallTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over a real loopback WebSocket: a simulated Twilio with the signature and a minted token gets its call opened as
 * the token's caller; a client with neither is closed with 1008 and no call is opened.
 */
class AuthenticatedStreamOverWebSocketTest {

    private static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    /** The public URL the TwiML names; the test connects to the loopback port behind it, as a proxy would. */
    private static final URI MEDIA_URL = URI.create("wss://switchboard.example.co.uk/media");
    private static final String CALLER = "+447700900123";

    private final RecordingCalls calls = new RecordingCalls();
    private final CallTokens tokens = new CallTokens("loopback-test-key-loopback-test!".getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC(), CallTokens.DEFAULT_LIFETIME);
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final ExecutorService claims = Executors.newSingleThreadExecutor();
    private final MediaWebSocketServer server = MediaWebSocketServer.start(MediaServerSettings.loopback(), calls,
            new TwilioMediaStreamAuth(new TwilioSignatureVerifier(AUTH_TOKEN, MEDIA_URL), MEDIA_URL, tokens,
                    token -> used.add(token.callSid()), claims));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        claims.shutdownNow();
        http.close();
    }

    private URI local() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/media");
    }

    @Test
    void anAuthenticatedCallIsOpenedWithTheTokensCallerId() throws Exception {
        String sid = "CA" + "ab".repeat(16);
        try (SimulatedCall call = SimulatedCall.dial(http, local(), sid, CALLER,
                StreamCredentials.mint(AUTH_TOKEN, MEDIA_URL, tokens, sid, CALLER))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.calls.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(calls.calls).singleElement().satisfies(c ->
                    assertThat(c.start.customParameters()).containsEntry(TwimlResponses.PARAM_FROM, CALLER));
            assertThat(call.isClosed()).isFalse();
        }
    }

    @Test
    void aClientWithoutSignatureOrTokenIsClosedWithPolicyViolation() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(local(), new WebSocket.Listener() {
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
        // what the probe did: a start "from" the owner, no proof at all
        socket.sendText(TwilioMessages.start("MZ" + "cd".repeat(16), "CA" + "cd".repeat(16), "+447700900999"), true)
                .exceptionally(e -> null);

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        Thread.sleep(Duration.ofMillis(200));
        assertThat(calls.calls).isEmpty();
    }
}

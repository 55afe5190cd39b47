package io.switchboard.media.server;

import static io.switchboard.media.server.MediaWire.clientBytes;
import static io.switchboard.media.server.MediaWire.serverFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.switchboard.media.simulator.StreamCredentials;
import io.switchboard.media.simulator.TwilioMessages;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.voice.CallTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The media server lets a stream in only with Twilio's signature on the upgrade and a fresh, genuine per-call token
 * on {@code start}; everything else is closed with 1008 before a call (so a recogniser and call threads) is opened.
 * The full pipeline on an embedded channel: the upgrade request is real HTTP, the frames are masked client frames.
 */
class MediaStreamAuthenticationTest {

    private static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    /** What the TwiML told Twilio; the upgrade below arrives through a proxy with another Host. */
    private static final URI MEDIA_URL = URI.create("wss://switchboard.example.co.uk/media");
    private static final String STREAM = "MZ18ad3ab5a668481ce02b83e7395059f0";
    private static final String CALL = "CA5f0e8ae6ade43cb3c0ce4525424e404f";
    private static final String CALLER = "+447700900123";
    private static final String OWNER = "+447700900999";
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final byte[] KEY = "test-key-test-key-test-key-test!".getBytes(StandardCharsets.UTF_8);

    private final RecordingCalls calls = new RecordingCalls();
    private final CallTokens tokens = new CallTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(3));
    /** Stands in for the database table: the first claim of a CallSid wins. */
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Deque<Runnable> claimQueue = new ArrayDeque<>();
    private Executor claims = Runnable::run;

    private MediaStreamAuth auth() {
        return new TwilioMediaStreamAuth(new TwilioSignatureVerifier(AUTH_TOKEN, MEDIA_URL), MEDIA_URL, tokens,
                token -> used.add(token.callSid()), task -> claims.execute(task));
    }

    private EmbeddedChannel connect(String signature) {
        EmbeddedChannel wire = MediaWire.open(MediaServerSettings.loopback(), calls, auth());
        if (signature == null) {
            MediaWire.upgrade(wire, "127.0.0.1:8081");
        } else {
            MediaWire.upgrade(wire, "127.0.0.1:8081", TwilioSignatureVerifier.SIGNATURE_HEADER + ": " + signature);
        }
        return wire;
    }

    private static void send(EmbeddedChannel wire, String json) {
        if (wire.isOpen()) {
            wire.writeInbound(clientBytes(new TextWebSocketFrame(json)));
        }
    }

    private static String signature() {
        return StreamCredentials.sign(AUTH_TOKEN, MEDIA_URL);
    }

    private void assertClosedWithPolicyViolationAndNoCall(EmbeddedChannel wire) {
        wire.runPendingTasks();
        assertThat(wire.isOpen()).isFalse();
        assertThat(calls.calls).as("no call, so no recogniser or call threads").isEmpty();
        WebSocketFrame frame = serverFrame(wire.readOutbound());
        assertThat(frame).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) frame).statusCode()).isEqualTo(1008);
        frame.release();
    }

    @Test
    void anUpgradeWithoutASignatureIsClosed() {
        EmbeddedChannel wire = connect(null);
        send(wire, TwilioMessages.start(STREAM, CALL, CALLER, tokens.mint(CALL, CALLER)));

        assertClosedWithPolicyViolationAndNoCall(wire);
    }

    @Test
    void anUpgradeSignedWithAnotherKeyOrOverTheProxiedHostIsClosed() {
        EmbeddedChannel otherKey = connect(StreamCredentials.sign("another-auth-token-another-auth!", MEDIA_URL));
        send(otherKey, TwilioMessages.start(STREAM, CALL, CALLER, tokens.mint(CALL, CALLER)));
        assertClosedWithPolicyViolationAndNoCall(otherKey);

        EmbeddedChannel hostHeaderUrl = connect(StreamCredentials.sign(AUTH_TOKEN, URI.create("ws://127.0.0.1:8081/media")));
        assertClosedWithPolicyViolationAndNoCall(hostHeaderUrl);
    }

    @Test
    void aSignedUpgradeWithoutATokenIsClosed() {
        EmbeddedChannel wire = connect(signature());
        send(wire, TwilioMessages.start(STREAM, CALL, CALLER));

        assertClosedWithPolicyViolationAndNoCall(wire);
    }

    @Test
    void anExpiredTokenIsClosed() {
        CallTokens earlier = new CallTokens(KEY, Clock.fixed(NOW.minus(Duration.ofMinutes(4)), ZoneOffset.UTC),
                Duration.ofMinutes(3));
        EmbeddedChannel wire = connect(signature());
        send(wire, TwilioMessages.start(STREAM, CALL, CALLER, earlier.mint(CALL, CALLER)));

        assertClosedWithPolicyViolationAndNoCall(wire);
    }

    @Test
    void aForgedTokenIsClosed() {
        CallTokens forger = new CallTokens("a-guessed-key-a-guessed-key-abc!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(3));
        EmbeddedChannel wire = connect(signature());
        send(wire, TwilioMessages.start(STREAM, CALL, OWNER, forger.mint(CALL, OWNER)));

        assertClosedWithPolicyViolationAndNoCall(wire);
    }

    @Test
    void aGenuineTokenWithTheFromChangedToTheOwnersIsClosed() {
        EmbeddedChannel wire = connect(signature());
        send(wire, TwilioMessages.start(STREAM, CALL, OWNER, tokens.mint(CALL, CALLER)));

        assertClosedWithPolicyViolationAndNoCall(wire);
    }

    @Test
    void aTokenOfAnotherCallIsClosed() {
        EmbeddedChannel wire = connect(signature());
        String otherCall = "CA" + "1".repeat(32);
        send(wire, TwilioMessages.start(STREAM, CALL, CALLER, tokens.mint(otherCall, CALLER))
                .replace("\"CallSid\":\"" + CALL + "\"", "\"CallSid\":\"" + otherCall + "\""));

        assertClosedWithPolicyViolationAndNoCall(wire);
    }

    @Test
    void aValidStreamOpensTheCallWithTheCallerIdFromTheToken() {
        EmbeddedChannel wire = connect(signature());
        send(wire, TwilioMessages.start(STREAM, CALL, CALLER, tokens.mint(CALL, CALLER))
                .replace("\"To\":", "\"Caller\":\"" + OWNER + "\",\"To\":"));
        wire.runPendingTasks();

        assertThat(wire.isOpen()).isTrue();
        assertThat(calls.calls).singleElement().satisfies(call -> {
            assertThat(call.start.callSid()).isEqualTo(CALL);
            assertThat(call.start.customParameters()).containsEntry(TwimlResponses.PARAM_FROM, CALLER)
                    .doesNotContainKey("Caller").doesNotContainKey(TwimlResponses.PARAM_TOKEN);
        });
    }

    @Test
    void aReplayedTokenIsClosedEvenThoughEverythingElseIsGenuine() {
        String token = tokens.mint(CALL, CALLER);
        EmbeddedChannel first = connect(signature());
        send(first, TwilioMessages.start(STREAM, CALL, CALLER, token));
        assertThat(calls.calls).hasSize(1);

        EmbeddedChannel replay = connect(signature());
        send(replay, TwilioMessages.start(STREAM, CALL, CALLER, token));
        replay.runPendingTasks();
        assertThat(replay.isOpen()).isFalse();
        assertThat(calls.calls).as("still only the genuine call").hasSize(1);
    }

    @Test
    void whileTheSingleUseCheckRunsMediaIsDroppedAndNoCallIsOpen() {
        claims = claimQueue::add;
        EmbeddedChannel wire = connect(signature());
        send(wire, TwilioMessages.start(STREAM, CALL, CALLER, tokens.mint(CALL, CALLER)));
        for (int i = 0; i < MediaStreamHandler.MAX_BAD_FRAMES + 5; i++) {
            send(wire, TwilioMessages.media(STREAM, 2 + i, new byte[160]));
        }
        assertThat(calls.calls).as("nothing opened before the claim").isEmpty();
        assertThat(wire.isOpen()).as("media while admitting is not a bad frame").isTrue();

        claimQueue.poll().run();
        wire.runPendingTasks();

        assertThat(calls.calls).hasSize(1);
        send(wire, TwilioMessages.media(STREAM, 100, new byte[160]));
        assertThat(calls.calls.get(0).media).hasSize(1);
    }
}

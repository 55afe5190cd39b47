package io.switchboard.media.server;

import io.switchboard.models.settings.SettingsSource;

import static io.switchboard.media.server.MediaWire.clientBytes;
import static io.switchboard.media.server.MediaWire.serverFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.switchboard.media.simulator.TwilioMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A media connection must send a valid {@code start} within the start timeout or be closed, and no call (so no
 * recogniser) is opened for it. Time is the embedded event loop's, frozen and advanced by hand: no sleeping.
 */
class MediaStartTimeoutTest {

    private static final String STREAM = "MZ18ad3ab5a668481ce02b83e7395059f0";
    private static final String CALL = "CA5f0e8ae6ade43cb3c0ce4525424e404f";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final RecordingCalls calls = new RecordingCalls();
    private final MediaServerSettings settings = new MediaServerSettings("127.0.0.1", 0, "/media",
            MediaServerSettings.DEFAULT_MAX_FRAME_BYTES, TIMEOUT);

    private EmbeddedChannel connect() {
        return MediaWire.openFrozen(settings, calls, MediaStreamAuth.Unauthenticated.INSTANCE);
    }

    private static void upgrade(EmbeddedChannel wire) {
        MediaWire.upgrade(wire, "127.0.0.1");
    }

    private static void advance(EmbeddedChannel wire, Duration by) {
        wire.advanceTimeBy(by.toMillis(), TimeUnit.MILLISECONDS);
        wire.runScheduledPendingTasks();
        wire.runPendingTasks();
    }

    @Test
    void anUpgradedConnectionThatSendsOnlyJunkIsClosedWithPolicyViolationAtTheDeadline() {
        EmbeddedChannel wire = connect();
        upgrade(wire);
        wire.writeInbound(clientBytes(new TextWebSocketFrame(TwilioMessages.connected())));
        wire.writeInbound(clientBytes(new TextWebSocketFrame("{\"event\":\"media\",\"media\":{}}")));

        advance(wire, TIMEOUT.minusMillis(1));
        assertThat(wire.isOpen()).as("open until the deadline").isTrue();

        advance(wire, Duration.ofMillis(2));
        assertThat(wire.isOpen()).isFalse();
        assertThat(calls.calls).as("no call, so no recogniser, was opened").isEmpty();
        CloseWebSocketFrame close = (CloseWebSocketFrame) serverFrame(wire.readOutbound());
        assertThat(close.statusCode()).isEqualTo(1008);
        close.release();
    }

    @Test
    void aConnectionThatNeverFinishesTheHandshakeIsClosedToo() {
        EmbeddedChannel wire = connect();
        wire.writeInbound(Unpooled.copiedBuffer("GET /media HTTP/1.1\r\nHost: 127.0.0.1\r\n", StandardCharsets.US_ASCII));

        advance(wire, TIMEOUT.plusMillis(1));

        assertThat(wire.isOpen()).isFalse();
        assertThat(calls.calls).isEmpty();
    }

    @Test
    void aStartInTimeKeepsTheCallOpenPastTheDeadline() {
        EmbeddedChannel wire = connect();
        upgrade(wire);
        advance(wire, TIMEOUT.minusMillis(100));
        wire.writeInbound(clientBytes(new TextWebSocketFrame(TwilioMessages.start(STREAM, CALL, "+447700900123"))));

        advance(wire, TIMEOUT.multipliedBy(2));

        assertThat(wire.isOpen()).isTrue();
        assertThat(calls.calls).hasSize(1);
        assertThat(calls.calls.get(0).stops).isZero();
    }

    @Test
    void theTimeoutIsConfigurable() {
        assertThat(MediaServerSettings.from(SettingsSource.of(Map.of())).startTimeout())
                .isEqualTo(MediaServerSettings.DEFAULT_START_TIMEOUT);
        assertThat(MediaServerSettings.from(SettingsSource.of(Map.of(MediaServerSettings.START_TIMEOUT, "800ms")))
                .startTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(MediaServerSettings.from(SettingsSource.of(Map.of(MediaServerSettings.START_TIMEOUT, "7"))).startTimeout())
                .isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> MediaServerSettings.from(SettingsSource.of(Map.of(MediaServerSettings.START_TIMEOUT, "soon"))))
                .hasMessageContaining(MediaServerSettings.START_TIMEOUT);
    }
}

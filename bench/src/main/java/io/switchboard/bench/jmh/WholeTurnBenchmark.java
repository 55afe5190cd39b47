package io.switchboard.bench.jmh;

import io.switchboard.media.server.MediaWebSocketServer;
import io.switchboard.media.simulator.CallerUtterance;
import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.models.settings.SettingsSource;
import io.switchboard.server.ServerConfig;
import io.switchboard.server.Settings;
import io.switchboard.server.Switchboard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One whole voice turn through the real server in-process — embedded PostgreSQL in a temp dir, the real receptionist,
 * Vosk, MaryTTS and the media WebSocket on loopback — timed by a simulated Twilio caller: from the moment the last
 * voiced frame of the caller's first line ("i need a repair" from espeak-ng, "my tap is leaking" from MaryTTS where
 * espeak-ng is missing) has been sent to the first reply media frame received. Each invocation is a new call whose
 * greeting has been played; the call set-up and the caller's speech happen outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 12)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class WholeTurnBenchmark {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private Path dataDir;
    private Switchboard switchboard;
    private URI media;
    private CallerUtterance line;
    private SimulatedCall call;
    private int calls;

    @Setup(Level.Trial)
    public void startServer() throws IOException {
        dataDir = Files.createTempDirectory("switchboard-whole-turn");
        switchboard = Switchboard.open(Settings.from(SettingsSource.of(Map.of(
                ServerConfig.DATA_DIR, dataDir.toString(),
                ServerConfig.NOW, "2026-11-23T09:00",
                ServerConfig.HTTP_HOST, "127.0.0.1",
                "SWITCHBOARD_MEDIA_HOST", "127.0.0.1",
                "SWITCHBOARD_MEDIA_PORT", "0",
                // Measures turns, not authentication: the simulated calls carry no Twilio signature or call token.
                "SWITCHBOARD_TWILIO_VERIFY", "false"))));
        // rendered before the server takes calls: a MaryTTS caller must not synthesise while the bot speaks
        Caller caller = Callers.standard();
        line = caller.voice().utterance(caller.bookingLines().get(0));
        MediaWebSocketServer server = switchboard.startVoice();
        media = URI.create("ws://127.0.0.1:" + server.port() + "/media");
    }

    /** A fresh call, its greeting played, the caller's line sent up to its last voiced frame. */
    @Setup(Level.Invocation)
    public void speak() throws Exception {
        calls++;
        String phone = String.format(Locale.ROOT, "+4477009%05d", 20_000 + calls);
        call = SimulatedCall.dial(media, "CA" + UUID.randomUUID().toString().replace("-", ""), phone);
        call.awaitReplyPlayed(REPLY_TIMEOUT);
        Thread.sleep(300);
        call.sayUntilLastVoiced(line);
    }

    @Benchmark
    public void endOfSpeechToFirstReplyFrame() throws InterruptedException {
        call.awaitReplyStarted(REPLY_TIMEOUT);
    }

    @TearDown(Level.Invocation)
    public void hangUp() throws Exception {
        call.close();
    }

    @TearDown(Level.Trial)
    public void stopServer() throws IOException {
        if (switchboard != null) {
            switchboard.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

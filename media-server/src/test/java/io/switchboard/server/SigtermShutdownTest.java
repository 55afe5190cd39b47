package io.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.server.it.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process with a call in progress: readiness goes false, the caller hears the end of the
 * reply and a goodbye and is hung up, the steps run in order, the embedded PostgreSQL is stopped cleanly and the
 * process exits 0 within the configured bound.
 */
class SigtermShutdownTest {

    private static final Pattern READY = Pattern.compile(
            "Switchboard ready: .* on http://127\\.0\\.0\\.1:(\\d+), media ws://127\\.0\\.0\\.1:(\\d+)/media");
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void sigtermEndsTheCallPolitelyAndExitsInOrderWithinTheBound() throws Exception {
        Path log = dir.resolve("server.log");
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SWITCHBOARD_") || k.startsWith("TWILIO_") || k.startsWith("WHATSAPP_")
                || k.equals("DATABASE_URL") || k.equals("REDIS_URL"));
        env.put("SWITCHBOARD_DATA_DIR", dir.resolve("data").toString());
        env.put("SWITCHBOARD_PROMPT_CACHE_DIR", ServerProcess.PROMPTS.toAbsolutePath().toString());
        env.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_HTTP_PORT", "0");
        env.put("SWITCHBOARD_MEDIA_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_MEDIA_PORT", "0");
        env.put("SWITCHBOARD_STT_POOL", "1");
        env.put("SWITCHBOARD_NOW", "2026-11-23T09:00");
        env.put(Shutdown.TIMEOUT, BOUND.toSeconds() + "s");
        // About shutdown, not authentication: the simulated call carries no Twilio signature or call token.
        env.put("SWITCHBOARD_TWILIO_VERIFY", "false");
        Process server = pb.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            Matcher ready = awaitLine(log, server, READY, Duration.ofMinutes(4));
            URI health = URI.create("http://127.0.0.1:" + ready.group(1) + "/health/ready");
            assertThat(status(http, health)).isEqualTo(200);

            try (SimulatedCall call = SimulatedCall.dial(Integer.parseInt(ready.group(2)),
                    "CA" + "5".repeat(32), "+447700900123")) {
                call.awaitReplyPlayed(Duration.ofSeconds(60)); // the greeting
                call.forgetReplyAudio();

                long signalled = System.nanoTime();
                server.destroy(); // SIGTERM
                List<Integer> statuses = new ArrayList<>();
                while (server.isAlive() && statuses.size() < 5) {
                    statuses.add(status(http, health));
                    Thread.sleep(100);
                }
                int goodbyeFrames = call.awaitReplyPlayed(BOUND);
                call.awaitClosed(BOUND);
                assertThat(server.waitFor(BOUND.toSeconds() + 10, TimeUnit.SECONDS)).isTrue();
                Duration took = Duration.ofNanos(System.nanoTime() - signalled);

                assertThat(server.exitValue()).isZero();
                assertThat(took).isLessThan(BOUND.plusSeconds(5));
                assertThat(statuses).as("not ready once stopping (or already gone)").doesNotContain(200);
                assertThat(goodbyeFrames).as("the goodbye is a few seconds of audio").isGreaterThan(50);
            }
        } finally {
            server.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out); // kept in the surefire report: the step timings
        assertThat(out).containsSubsequence("SIGTERM received", "shutdown step 'refuse new work' done",
                "shutdown step 'end calls' done", "shutdown step 'finish messages' done",
                "shutdown step 'flush outbox' done", "shutdown step 'close' done", "Switchboard stopped");
        assertThat(dir.resolve("data/postgres/pgdata/postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();
    }

    /** The status, or -1 when nothing listens any more. */
    private static int status(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Matcher awaitLine(Path log, Process server, Pattern pattern, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = pattern.matcher(out);
            if (m.find()) {
                return m;
            }
            if (!server.isAlive()) {
                throw new AssertionError("server exited with " + server.exitValue() + ":\n" + out);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not ready within " + timeout + ":\n" + Files.readString(log));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}

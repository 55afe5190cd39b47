package io.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.telephony.messaging.ProviderStub;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code backup} and {@code restore} of the packaged jar, as an operator runs them: a booking made over SMS on one
 * data directory is, after {@code backup} and {@code restore} into a fresh data directory, listed by a server
 * started on the fresh one.
 */
class BackupRestoreIT {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "it-auth-token";
    private static final String BUSINESS_NUMBER = "+441174960123";
    private static final String PUBLIC_URL = "https://receptionist.example.test";
    private static final String CALLER = "+447700900432";
    private static final Duration COMMAND_WITHIN = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBookingSurvivesBackupAndRestoreIntoAFreshDataDirectory() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it").toAbsolutePath())
                .resolve("backup-" + ProcessHandle.current().pid());
        Path originalDir = work.resolve("original");
        Path freshDir = work.resolve("fresh");
        Path file = work.resolve("switchboard.backup");
        try (ProviderStub providers = new ProviderStub();
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SWITCHBOARD_NOW", "2026-11-23T09:00");
            env.put("SWITCHBOARD_PUBLIC_URL", PUBLIC_URL);
            env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
            env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
            env.put("TWILIO_FROM_NUMBER", BUSINESS_NUMBER);
            env.put("TWILIO_API_BASE_URL", providers.baseUrl().toString());
            TwilioSmsWebhook twilio = new TwilioSmsWebhook(ACCOUNT, AUTH_TOKEN, PUBLIC_URL, BUSINESS_NUMBER, http);

            JsonNode booked;
            Map<String, String> original = with(env, "SWITCHBOARD_DATA_DIR", originalDir.toString());
            try (ServerProcess server = ServerProcess.start("backup-original", original)) {
                List<String> transcript = new ArrayList<>();
                String last = "";
                List<String> script = List.of("Help, a burst pipe is flooding my kitchen!", "yes", "Rita Moss",
                        "yes", "Flat 2, Broad Street Bristol BS1 2EP", "yes");
                for (int i = 0; i < script.size(); i++) {
                    HttpResponse<String> response = twilio.send(server.uri("/"), "SM%032x".formatted(0x3000L + i),
                            CALLER, script.get(i));
                    last = TwilioSmsWebhook.messageText(response.body());
                    transcript.add(script.get(i) + " -> " + response.statusCode() + " " + last);
                    assertThat(response.statusCode()).as(String.join("\n", transcript)).isEqualTo(200);
                }
                assertThat(last).as(String.join("\n", transcript)).containsIgnoringCase("booked");
                booked = appointmentsOn(http, server, "2026-11-23");
                assertThat(booked).as(booked.toString()).hasSize(1);
            }

            // The embedded database is the server's while it runs: back up with the server stopped.
            CommandRun backup = run(original, "backup", file.toString());
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("Backed up").contains("1 appointments");
            assertThat(file).isRegularFile();

            Map<String, String> fresh = with(env, "SWITCHBOARD_DATA_DIR", freshDir.toString());
            CommandRun restore = run(fresh, "restore", file.toString());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("Restored").contains("1 appointments");

            CommandRun again = run(fresh, "restore", file.toString());
            assertThat(again.exitCode()).as("a second restore would mix two databases").isNotZero();
            assertThat(again.output()).contains("empty database");

            try (ServerProcess restored = ServerProcess.start("backup-restored", fresh)) {
                assertThat(appointmentsOn(http, restored, "2026-11-23")).isEqualTo(booked);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    private static JsonNode appointmentsOn(HttpClient http, ServerProcess server, String date) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("/v1/appointments?date=" + date))
                .GET().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("appointments");
    }

    /** Runs {@code java -jar switchboard.jar <args>} to completion with only {@code env} (plus PATH, HOME...). */
    private static CommandRun run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", ServerProcess.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("switchboard-" + args[0], ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        for (String inherited : List.of("PATH", "HOME", "TMPDIR", "LANG")) {
            Optional.ofNullable(System.getenv(inherited)).ifPresent(v -> builder.environment().put(inherited, v));
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish within " + COMMAND_WITHIN + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new CommandRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record CommandRun(int exitCode, String output) {
    }
}

package io.switchboard.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server as {@code serve} wires it, seen from outside: its configuration (loopback on a free port, the test
 * clock's Monday morning, a data directory of the test class's own, an admin token) and an HTTP client that calls
 * its API with or without that token. Register it as a static extension: the directory and the client live for
 * the test class.
 */
final class ServedApi implements BeforeAllCallback, AfterAllCallback {

    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDir;

    ServedApi(String adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("switchboard-served-");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        http.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A file the stopped database still had open: the directory is a temporary one, left to the OS.
        }
    }

    /** The base settings and the admin token, with {@code more} over them. */
    Settings config(Map<String, String> more) {
        Map<String, String> env = loopback(dataDir);
        env.put("SWITCHBOARD_ADMIN_TOKEN", adminToken);
        env.putAll(more);
        return Settings.load(env);
    }

    /** HTTP on 127.0.0.1 (a free port), the clock at Monday 2026-11-23 09:00, data under {@code dataDir}. */
    static Map<String, String> loopback(Path dataDir) {
        return new HashMap<>(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString()));
    }

    /** A GET with the admin token. */
    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken).GET().build());
    }

    /** A JSON POST with the admin token: a trusted integration. */
    HttpResponse<String> postJson(URI uri, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** {@code request} as it is (no token added), with a 20 s timeout. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

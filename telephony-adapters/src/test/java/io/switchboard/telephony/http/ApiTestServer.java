package io.switchboard.telephony.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The real control plane on a free loopback port, with a real scheduling core over a fresh embedded-PostgreSQL
 * schema and a {@link ScriptedEngine}, driven by the JDK's HTTP client.
 */
final class ApiTestServer implements AutoCloseable {

    /** A Monday morning. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);

    static {
        for (String noisy : new String[] {"io.zonky", "org.flywaydb", "com.zaxxer", "io.netty", "io.vertx", "org.jooq"}) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    final SchedulingFixture fixture;
    final ScriptedEngine engine;
    final Vertx vertx;
    final ControlPlane plane;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiTestServer() {
        this(null);
    }

    /** @param realEngine builds the engine under test from the scheduling core; null for a {@link ScriptedEngine} */
    ApiTestServer(java.util.function.Function<io.switchboard.scheduling.Scheduling, io.switchboard.dialog.DialogEngine> realEngine) {
        fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
        engine = realEngine == null ? new ScriptedEngine(fixture.scheduling()) : null;
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 4), fixture.scheduling().profile().name());
        SwitchboardApi.mount(plane, realEngine == null ? engine : realEngine.apply(fixture.scheduling()),
                fixture.scheduling());
        int port = plane.start();
        plane.markReady();
        base = URI.create("http://127.0.0.1:" + port);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        http.close();
        fixture.close();
    }
}

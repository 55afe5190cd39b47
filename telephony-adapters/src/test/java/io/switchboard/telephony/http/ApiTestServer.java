package io.switchboard.telephony.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.security.AdminToken;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
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
import java.util.function.UnaryOperator;

/**
 * The real control plane on a free loopback port, with a real scheduling core over a fresh embedded-PostgreSQL
 * schema and a {@link ScriptedEngine}, driven by the JDK's HTTP client.
 */
final class ApiTestServer implements AutoCloseable {

    /** The admin token the test server requires; requests of {@link #get} and {@link #postJson} carry it. */
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

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
        this(realEngine, WebOrigins.none());
    }

    /** With the given widget origins; rate limits in memory on the fixture's clock. */
    ApiTestServer(java.util.function.Function<io.switchboard.scheduling.Scheduling, io.switchboard.dialog.DialogEngine> realEngine,
                  WebOrigins origins) {
        this(realEngine, origins, UnaryOperator.identity(), new VertxOptions());
    }

    /** A {@link ScriptedEngine} over the database seen through {@code database}, on a Vert.x of {@code options}. */
    ApiTestServer(UnaryOperator<Database> database, VertxOptions options) {
        this(null, WebOrigins.none(), database, options);
    }

    private ApiTestServer(java.util.function.Function<io.switchboard.scheduling.Scheduling, io.switchboard.dialog.DialogEngine> realEngine,
                          WebOrigins origins, UnaryOperator<Database> database, VertxOptions options) {
        fixture = new SchedulingFixture(TestProfiles.sample(), NOW, database);
        engine = realEngine == null ? new ScriptedEngine(fixture.scheduling()) : null;
        vertx = Vertx.vertx(options);
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 4), fixture.scheduling().profile().name());
        SwitchboardApi.mount(plane, realEngine == null ? engine : realEngine.apply(fixture.scheduling()),
                fixture.scheduling(), new ApiSecurity(AdminToken.of(ADMIN_TOKEN), origins,
                        InboundLimits.inMemory(fixture.clock())));
        int port = plane.start();
        plane.markReady();
        base = URI.create("http://127.0.0.1:" + port);
    }

    /** A GET with the admin token. */
    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).header("Authorization", "Bearer " + ADMIN_TOKEN).GET());
    }

    /** A JSON POST with the admin token: a trusted integration. */
    HttpResponse<String> postJson(String path, String body) {
        return send(request(path)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON POST without credentials: the public web chat. */
    HttpResponse<String> postPublic(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request to build freely (headers, method) and {@link #send}. */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }


    @Override
    public void close() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        http.close();
        fixture.close();
    }
}

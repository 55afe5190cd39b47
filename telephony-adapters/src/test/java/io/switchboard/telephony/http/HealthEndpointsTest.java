package io.switchboard.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.database.EmbeddedServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness and readiness against a real PostgreSQL that is then stopped, a hung dependency, and a shutdown. */
class HealthEndpointsTest {

    private final LoopbackPlane server = new LoopbackPlane();
    private final ControlPlane plane = server.plane;

    @BeforeEach
    void start() {
        plane.mount(router -> router.post("/twilio/sms").handler(ctx -> ctx.response().end("taken")));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readyFollowsTheDatabaseWhileLiveStaysUp(@TempDir Path dir) throws Exception {
        EmbeddedServer postgres = EmbeddedServer.start(dir);
        try (Database db = Database.attach(postgres.jdbcUrl(), postgres.user(), postgres.password(), "health")) {
            plane.readinessCheck("database", () -> db.isReachable(Duration.ofSeconds(1)));
            assertThat(get("/health/ready").statusCode()).as("starting").isEqualTo(503);
            assertThat(get("/health/live").statusCode()).isEqualTo(200);
            plane.markReady();

            HttpResponse<String> up = get("/health/ready");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(up.body()).getJsonObject("checks")).isEqualTo(
                    new JsonObject().put("database", "up"));

            postgres.close();

            HttpResponse<String> down = get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            JsonObject body = new JsonObject(down.body());
            assertThat(body.getString("status")).isEqualTo("unavailable");
            assertThat(body.getJsonObject("checks")).isEqualTo(new JsonObject().put("database", "down"));
            assertThat(get("/health").statusCode()).as("/health is readiness").isEqualTo(503);
            assertThat(get("/health/live").statusCode()).as("the process is up").isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    @Test
    void aHungDependencyMakesTheProbeAnswer503InTimeNotHang() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        plane.readinessCheck("redis", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });
        plane.markReady();

        long start = System.nanoTime();
        HttpResponse<String> r = get("/health/ready");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(r.body()).getJsonObject("checks")).isEqualTo(
                new JsonObject().put("redis", "timeout"));
        assertThat(took).isLessThan(ControlPlane.CHECK_TIMEOUT.plusSeconds(2));
        never.countDown();
    }

    @Test
    void whenStoppingReadinessIsFalseAndNewRequestsAre503() throws Exception {
        plane.readinessCheck("database", () -> true);
        plane.markReady();
        assertThat(post("/twilio/sms").statusCode()).isEqualTo(200);

        plane.markStopping();

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("stopping");
        assertThat(post("/twilio/sms").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        plane.markReady();
        assertThat(get("/health/ready").statusCode()).as("a shutdown is not undone").isEqualTo(503);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.send(server.request(path).timeout(Duration.ofSeconds(10)).GET());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return server.send(server.request(path).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
    }
}

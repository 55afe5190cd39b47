package io.switchboard.telephony.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlPlaneTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private ControlPlane plane;
    private URI base;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 1), "Bristol Plumbing");
        int port = plane.start();
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        http.close();
    }

    @Test
    void healthIs503UntilReadyThen200WithTheBusinessName() throws Exception {
        HttpResponse<String> starting = get("/health");
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(starting.body())).isEqualTo(
                new JsonObject().put("status", "starting").put("business", "Bristol Plumbing"));

        plane.markReady();

        HttpResponse<String> ready = get("/health");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ready.body())).isEqualTo(
                new JsonObject().put("status", "ok").put("business", "Bristol Plumbing"));

        plane.markNotReady();
        assertThat(get("/health").statusCode()).isEqualTo(503);
    }

    @Test
    void routesMountedAfterStartAreServed() throws Exception {
        plane.mount(router -> router.get("/later").handler(ctx -> ctx.response().end("mounted")));

        HttpResponse<String> response = get("/later");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("mounted");
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() throws Exception {
        HttpResponse<String> missing = get("/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(missing.body()).getString("error")).isEqualTo("not found");

        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(new JsonObject(wrongMethod.body()).getString("error")).isEqualTo("method not allowed");
    }

    @Test
    void aHandlerThatThrowsGivesA500JsonError() throws Exception {
        plane.mount(router -> router.get("/boom").handler(ctx -> {
            throw new IllegalStateException("secret detail");
        }));

        HttpResponse<String> response = get("/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("error", "internal error"));
    }

    @Test
    void startingTwiceIsRefused() {
        assertThatThrownBy(plane::start).isInstanceOf(IllegalStateException.class);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

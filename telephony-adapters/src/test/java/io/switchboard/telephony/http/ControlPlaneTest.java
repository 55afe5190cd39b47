package io.switchboard.telephony.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlPlaneTest {

    private final LoopbackPlane server = new LoopbackPlane();
    private final ControlPlane plane = server.plane;

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
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

        HttpResponse<String> wrongMethod = server.send(server.request("/health").DELETE());
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
        return server.send(server.request(path).GET());
    }
}

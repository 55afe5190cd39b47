package io.switchboard.telephony.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A 413 quotes the limit of the route that refused the body, not the chat API's. */
class BodyLimitTest {

    private final LoopbackPlane server = new LoopbackPlane();

    @BeforeEach
    void start() {
        server.plane.mount(router -> {
            BodyLimit.read(router.post("/webhook"), 65_536).handler(ctx -> ctx.response().end("ok"));
            BodyLimit.read(router.post("/small"), 100).handler(ctx -> ctx.response().end("ok"));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachRouteQuotesItsOwnLimit() throws Exception {
        assertThat(post("/webhook", 70_000)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(new JsonObject(r.body()).getString("error"))
                    .isEqualTo("request body too large (limit 65536 bytes)");
        });
        assertThat(post("/small", 101)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(new JsonObject(r.body()).getString("error"))
                    .isEqualTo("request body too large (limit 100 bytes)");
        });
        assertThat(post("/small", 100).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, int bytes) throws Exception {
        return server.send(server.request(path).POST(HttpRequest.BodyPublishers.ofString("x".repeat(bytes))));
    }
}

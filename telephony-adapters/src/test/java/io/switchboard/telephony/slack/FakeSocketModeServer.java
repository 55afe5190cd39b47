package io.switchboard.telephony.slack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stand-in for Slack's Socket Mode endpoint: says {@code hello} to the client that connects, sends it
 * envelopes, and records the acknowledgements (the envelope ids) it sends back.
 */
final class FakeSocketModeServer implements AutoCloseable {

    private final HttpServer server;
    private final CompletableFuture<ServerWebSocket> connected = new CompletableFuture<>();
    private final BlockingQueue<String> acks = new LinkedBlockingQueue<>();

    FakeSocketModeServer(Vertx vertx) {
        server = vertx.createHttpServer().webSocketHandler(ws -> {
            ws.textMessageHandler(text -> {
                JsonObject m = new JsonObject(text);
                if (m.containsKey("envelope_id")) {
                    acks.add(m.getString("envelope_id"));
                }
            });
            ws.writeTextMessage(new JsonObject().put("type", "hello").put("num_connections", 1)
                    .put("connection_info", new JsonObject().put("app_id", "A1")).encode());
            connected.complete(ws);
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    String url() {
        return "ws://127.0.0.1:" + server.actualPort() + "/link/?ticket=test";
    }

    /** Sends an {@code events_api} envelope carrying {@code eventCallback}, once the client is connected. */
    void sendEvent(String envelopeId, JsonObject eventCallback) throws Exception {
        ServerWebSocket ws = connected.get(20, TimeUnit.SECONDS);
        ws.writeTextMessage(new JsonObject().put("envelope_id", envelopeId).put("type", "events_api")
                .put("accepts_response_payload", false).put("retry_attempt", 0).put("retry_reason", "")
                .put("payload", eventCallback).encode());
    }

    /** The next envelope id the client acknowledged, or null when none within {@code within}. */
    String nextAck(Duration within) throws InterruptedException {
        return acks.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.close();
    }
}

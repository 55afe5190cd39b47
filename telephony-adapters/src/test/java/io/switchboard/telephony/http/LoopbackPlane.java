package io.switchboard.telephony.http;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A control plane on its own Vert.x and a free loopback port (one worker), with a JDK HTTP client to call it: mount
 * the routes under test on {@link #plane}, then {@link #start}.
 */
final class LoopbackPlane implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    final ControlPlane plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 1), "Bristol Plumbing");
    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;

    /** Starts listening; returns where. */
    URI start() {
        base = URI.create("http://127.0.0.1:" + plane.start());
        return base;
    }

    /** A request to {@code path} on the started plane, to finish (method, headers, timeout) and {@link #send}. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
    }
}

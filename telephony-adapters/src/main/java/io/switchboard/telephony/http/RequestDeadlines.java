package io.switchboard.telephony.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections whose request does not arrive in full within a bound: the first request's headers and body
 * must be in within {@code bound} of the connection opening, a later request's body within {@code bound} of its
 * headers. This is what the idle timeout cannot do: a client sending one byte every few seconds is never idle, and
 * without a bound it holds a connection (and a half-parsed request) for ever.
 *
 * <p>Everything runs on the connection's event loop: timers are armed there and fire there.
 */
final class RequestDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlines.class);

    private final Vertx vertx;
    private final long boundMillis;
    /** Connections that have not yet delivered their first request's headers, with their close timer. */
    private final Map<HttpConnection, Pending> awaitingHeaders = new ConcurrentHashMap<>();

    private record Pending(long timer, long openedNanos) {
    }

    RequestDeadlines(Vertx vertx, Duration bound) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.boundMillis = Math.max(1, bound.toMillis());
    }

    /** For {@code HttpServer.connectionHandler}. */
    void onConnection(HttpConnection connection) {
        long opened = System.nanoTime();
        long timer = vertx.setTimer(boundMillis, id -> {
            if (awaitingHeaders.remove(connection) != null) {
                LOG.info("closing an HTTP connection that sent no complete request within {} ms", boundMillis);
                connection.close();
            }
        });
        awaitingHeaders.put(connection, new Pending(timer, opened));
        connection.closeHandler(v -> {
            Pending pending = awaitingHeaders.remove(connection);
            if (pending != null) {
                vertx.cancelTimer(pending.timer());
            }
        });
    }

    /** Wraps the server's request handler: arms the body deadline, then hands the request on. */
    Handler<HttpServerRequest> around(Handler<HttpServerRequest> next) {
        return request -> {
            HttpConnection connection = request.connection();
            long remaining = boundMillis;
            Pending first = connection == null ? null : awaitingHeaders.remove(connection);
            if (first != null) {
                vertx.cancelTimer(first.timer());
                remaining = Math.max(1, boundMillis - (System.nanoTime() - first.openedNanos()) / 1_000_000);
            }
            if (!request.isEnded()) {
                vertx.setTimer(remaining, id -> {
                    if (!request.isEnded()) {
                        LOG.info("closing an HTTP connection whose {} request body did not arrive within {} ms",
                                request.method(), boundMillis);
                        request.connection().close();
                    }
                });
            }
            next.handle(request);
        };
    }
}

package io.switchboard.telephony.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The HTTP side of Switchboard: one Vert.x {@link Router} and server for the JSON API, health checks and (mounted
 * later by the channel adapters) provider webhooks. Routes may be mounted before or after {@link #start()}.
 *
 * <p>{@code GET /health} answers 503 until {@link #markReady()} and 200 after, so a load balancer or Twilio never
 * reaches a server whose database or engine is still coming up. Handlers doing blocking work run it on
 * {@link #workers()}, never on the event loop.
 */
public final class ControlPlane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    private static final long AWAIT_SECONDS = 10;

    private final Vertx vertx;
    private final HttpSettings settings;
    private final String businessName;
    private final Router router;
    private final WorkerExecutor workers;
    private volatile HttpServer server;
    private volatile boolean ready;

    /**
     * @param vertx        owned by the caller, who closes it after this control plane
     * @param settings     where to listen
     * @param businessName reported by {@code /health}
     */
    public ControlPlane(Vertx vertx, HttpSettings settings, String businessName) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.router = Router.router(vertx);
        this.workers = vertx.createSharedWorkerExecutor("switchboard-api", settings.workerPool());
        router.get("/health").handler(this::health);
        installErrorHandlers();
    }

    /** The router, for mounting more routes (webhooks, media streams). */
    public Router router() {
        return router;
    }

    /** Adds routes; returns this for chaining. */
    public ControlPlane mount(Consumer<Router> routes) {
        routes.accept(router);
        return this;
    }

    /** Threads for blocking work of HTTP handlers (JDBC, dialog engine, LLM). */
    public WorkerExecutor workers() {
        return workers;
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * Binds the server and waits until it listens.
     *
     * @return the port bound (the chosen one when the settings ask for port 0)
     * @throws IllegalStateException when the port cannot be bound
     */
    public int start() {
        if (server != null) {
            throw new IllegalStateException("control plane already started");
        }
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                // Webhook payloads and chat messages are small; refuse giant headers early.
                .setMaxHeaderSize(16 * 1024)
                .setCompressionSupported(true);
        HttpServer bound = await(vertx.createHttpServer(options).requestHandler(router).listen(),
                "cannot listen on " + settings.host() + ":" + settings.port());
        server = bound;
        LOG.info("HTTP listening on {}:{}", settings.host(), bound.actualPort());
        return bound.actualPort();
    }

    /** The bound port, or -1 before {@link #start()}. */
    public int port() {
        HttpServer s = server;
        return s == null ? -1 : s.actualPort();
    }

    /** From now on {@code /health} answers 200. */
    public void markReady() {
        ready = true;
    }

    /** {@code /health} answers 503 again, e.g. while shutting down. */
    public void markNotReady() {
        ready = false;
    }

    public boolean ready() {
        return ready;
    }

    /** Stops listening and releases the worker threads; the Vert.x instance stays open (it is the caller's). */
    @Override
    public void close() {
        ready = false;
        HttpServer s = server;
        server = null;
        if (s != null) {
            await(s.close(), "HTTP server did not close cleanly");
        }
        await(workers.close(), "API workers did not stop cleanly");
    }

    private void health(RoutingContext ctx) {
        JsonObject body = new JsonObject()
                .put("status", ready ? "ok" : "starting")
                .put("business", businessName);
        ApiResponses.json(ctx, ready ? 200 : 503, body);
    }

    private void installErrorHandlers() {
        router.errorHandler(400, ctx -> ApiResponses.error(ctx, 400, "bad request"));
        router.errorHandler(404, ctx -> ApiResponses.error(ctx, 404, "not found"));
        router.errorHandler(405, ctx -> ApiResponses.error(ctx, 405, "method not allowed"));
        router.errorHandler(413, ctx -> ApiResponses.error(ctx, 413, BodyLimit.tooLarge(ctx)));
        router.errorHandler(415, ctx -> ApiResponses.error(ctx, 415, "unsupported media type"));
        router.errorHandler(500, ctx -> {
            LOG.error("unhandled failure on {} {}: {}", ctx.request().method(), ctx.normalizedPath(),
                    FailureSummary.of(ctx.failure()));
            ApiResponses.error(ctx, 500, "internal error");
        });
    }

    private static <T> T await(Future<T> future, String failure) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(failure + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(failure + ": no answer within " + AWAIT_SECONDS + " s", e);
        }
    }
}

package io.switchboard.telephony.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The HTTP side of Switchboard: one Vert.x {@link Router} and server for the JSON API, health checks and (mounted
 * later by the channel adapters) provider webhooks. Routes may be mounted before or after {@link #start()}.
 *
 * <p>Health: {@code GET /health/live} is 200 while the process serves HTTP at all (restart it when not).
 * {@code GET /health/ready} (and {@code GET /health}) is 200 only after {@link #markReady()}, before
 * {@link #markStopping()}, and while every {@linkplain #readinessCheck readiness check} (the database, Redis) passes
 * within {@link #CHECK_TIMEOUT}; otherwise 503 naming what is down. So a load balancer sends no traffic to a server
 * that is starting, stopping or cut off from its database. Load is not a readiness failure: a busy server is
 * ready. Once stopping, every other request gets 503 (no new webhooks are taken); requests already in progress
 * finish. Handlers doing blocking work run it on {@link #workers()}, never on the event loop.
 */
public final class ControlPlane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    private static final long AWAIT_SECONDS = 10;
    /** A readiness check that has not answered by then counts as failed: a health probe must answer promptly. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    /** Where the server is in its life; only {@code READY} takes traffic. */
    private enum Phase {
        STARTING("starting"), READY("ok"), STOPPING("stopping");

        final String wire;

        Phase(String wire) {
            this.wire = wire;
        }
    }

    private final Vertx vertx;
    private final HttpSettings settings;
    private final String businessName;
    private final Router router;
    private final WorkerExecutor workers;
    /** Its own threads: readiness must be reported even while every API worker is stuck on a stalled database. */
    private final WorkerExecutor healthWorkers;
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    private volatile HttpServer server;
    private volatile Phase phase = Phase.STARTING;

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
        this.healthWorkers = vertx.createSharedWorkerExecutor("switchboard-health", 2);
        // First route: once stopping, nothing new is taken but health probes.
        router.route().handler(this::refuseWhenStopping);
        router.get("/health/live").handler(this::live);
        router.get("/health/ready").handler(this::ready);
        router.get("/health").handler(this::ready);
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
                .setCompressionSupported(true)
                // HTTP/1.1 only (TLS and HTTP/2 end at the proxy): the h2c sniffer would hold a half-sent request
                // line before the connection exists, out of reach of the request deadline.
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout((int) Math.max(1, settings.timeouts().idle().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        RequestDeadlines deadlines = new RequestDeadlines(vertx, settings.timeouts().request());
        HttpServer bound = await(vertx.createHttpServer(options)
                        .connectionHandler(deadlines::onConnection)
                        .requestHandler(deadlines.around(router))
                        .listen(),
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

    /**
     * Adds a dependency {@code /health/ready} requires, e.g. {@code "database"}. The check may block (it runs on the
     * health threads) and should bound its own wait; one that takes longer than {@link #CHECK_TIMEOUT} or throws
     * counts as down.
     */
    public synchronized ControlPlane readinessCheck(String name, BooleanSupplier check) {
        checks.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
        return this;
    }

    /** From now on {@code /health/ready} answers 200 while the readiness checks pass. */
    public void markReady() {
        if (phase == Phase.STARTING) {
            phase = Phase.READY;
        }
    }

    /** Readiness goes false for good and every request but health probes gets 503: the start of a shutdown. */
    public void markStopping() {
        phase = Phase.STOPPING;
    }

    /** Same as {@link #markStopping()}. */
    public void markNotReady() {
        markStopping();
    }

    /** Ready as far as the life cycle goes (started, not stopping); the dependency checks are not run. */
    public boolean ready() {
        return phase == Phase.READY;
    }

    /** Stops listening and releases the worker threads; the Vert.x instance stays open (it is the caller's). */
    @Override
    public void close() {
        phase = Phase.STOPPING;
        HttpServer s = server;
        server = null;
        if (s != null) {
            await(s.close(), "HTTP server did not close cleanly");
        }
        await(workers.close(), "API workers did not stop cleanly");
        await(healthWorkers.close(), "health workers did not stop cleanly");
    }

    private void refuseWhenStopping(RoutingContext ctx) {
        if (phase == Phase.STOPPING && !ctx.normalizedPath().startsWith("/health")) {
            ctx.response().putHeader("Retry-After", "5");
            ApiResponses.error(ctx, 503, "shutting down");
            return;
        }
        ctx.next();
    }

    private void live(RoutingContext ctx) {
        ApiResponses.json(ctx, 200, new JsonObject().put("status", "live").put("business", businessName));
    }

    private void ready(RoutingContext ctx) {
        Phase now = phase;
        Map<String, BooleanSupplier> toRun;
        synchronized (this) {
            toRun = new LinkedHashMap<>(checks);
        }
        if (now != Phase.READY || toRun.isEmpty()) {
            ApiResponses.json(ctx, now == Phase.READY ? 200 : 503,
                    new JsonObject().put("status", now.wire).put("business", businessName));
            return;
        }
        Promise<JsonObject> result = Promise.promise();
        long timer = vertx.setTimer(CHECK_TIMEOUT.toMillis(), id -> {
            JsonObject timedOut = new JsonObject();
            toRun.keySet().forEach(name -> timedOut.put(name, "timeout"));
            result.tryComplete(timedOut);
        });
        healthWorkers.<JsonObject>executeBlocking(() -> runChecks(toRun), false)
                .onComplete(ar -> result.tryComplete(ar.succeeded() ? ar.result() : new JsonObject()));
        result.future().onComplete(ar -> {
            vertx.cancelTimer(timer);
            JsonObject results = ar.result();
            boolean allUp = results.size() == toRun.size()
                    && results.stream().allMatch(e -> "up".equals(e.getValue()));
            // Checked again: a shutdown may have started while the checks ran.
            boolean ready = allUp && phase == Phase.READY;
            if (!allUp) {
                LOG.warn("not ready: {}", results.encode());
            }
            ApiResponses.json(ctx, ready ? 200 : 503, new JsonObject()
                    .put("status", ready ? "ok" : phase == Phase.READY ? "unavailable" : phase.wire)
                    .put("business", businessName)
                    .put("checks", results));
        });
    }

    private static JsonObject runChecks(Map<String, BooleanSupplier> toRun) {
        JsonObject results = new JsonObject();
        toRun.forEach((name, check) -> {
            boolean up;
            try {
                up = check.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.debug("readiness check {} failed: {}", name, e.toString());
                up = false;
            }
            results.put(name, up ? "up" : "down");
        });
        return results;
    }

    private void installErrorHandlers() {
        // A client that went away (or was closed by the request deadline) needs no error response and no error log.
        router.route().failureHandler(ctx -> {
            if (ctx.failure() instanceof HttpClosedException || ctx.response().closed()) {
                LOG.debug("{} {}: client connection closed before the request completed", ctx.request().method(),
                        ctx.normalizedPath());
                return;
            }
            ctx.next();
        });
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

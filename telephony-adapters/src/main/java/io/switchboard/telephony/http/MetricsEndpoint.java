package io.switchboard.telephony.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text exposition, for clients the {@link MetricsAccess} allows (403 for the
 * rest). The scrape walks every meter, so it runs on a worker thread, not the event loop.
 */
public final class MetricsEndpoint {

    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final Supplier<String> scrape;
    private final MetricsAccess access;
    private final WorkerExecutor workers;

    public MetricsEndpoint(Supplier<String> scrape, MetricsAccess access, WorkerExecutor workers) {
        this.scrape = Objects.requireNonNull(scrape, "scrape");
        this.access = Objects.requireNonNull(access, "access");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (!access.allows(ctx)) {
            LOG.debug("metrics refused to a non-local client");
            ApiResponses.error(ctx, 403, "metrics are only served to local clients");
            return;
        }
        workers.<String>executeBlocking(scrape::get, false)
                .onSuccess(text -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                        .end(text))
                .onFailure(e -> {
                    LOG.warn("metrics scrape failed: {}", e.getClass().getName());
                    ApiResponses.error(ctx, 500, "metrics unavailable");
                });
    }
}

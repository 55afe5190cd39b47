package io.switchboard.telephony.slack;

import com.slack.api.bolt.response.Response;
import io.switchboard.telephony.http.BodyLimit;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /slack/events}: the Events API and interactivity (button presses) request URL. The body is read whole
 * (bounded), handed to {@link SlackApp} on the worker pool — Bolt's checks and handlers block — and Bolt's answer
 * written back as it is.
 */
public final class SlackEventsWebhook {

    public static final String PATH = "/slack/events";
    /** Slack's event and interaction payloads are a few KiB; this leaves room for large block payloads. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final SlackApp app;
    private final WorkerExecutor workers;

    public SlackEventsWebhook(SlackApp app, WorkerExecutor workers) {
        this.app = Objects.requireNonNull(app, "app");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        BodyLimit.read(router.post(PATH), MAX_BODY_BYTES).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                .add(h.getValue()));
        String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        workers.<Response>executeBlocking(() -> app.handle(PATH, headers, body, remote), false)
                .onSuccess(r -> write(ctx, r))
                .onFailure(e -> ctx.response().setStatusCode(500).end());
    }

    private static void write(RoutingContext ctx, Response r) {
        HttpServerResponse out = ctx.response().setStatusCode(r.getStatusCode() == null ? 200 : r.getStatusCode());
        if (r.getContentType() != null) {
            out.putHeader("Content-Type", r.getContentType());
        }
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((name, values) -> values.forEach(v -> out.headers().add(name, v)));
        }
        out.end(r.getBody() == null ? "" : r.getBody());
    }
}

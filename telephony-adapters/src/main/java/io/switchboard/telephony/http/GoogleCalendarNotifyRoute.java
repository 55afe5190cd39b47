package io.switchboard.telephony.http;

import io.switchboard.scheduling.calendar.google.GoogleCalendarWatch;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * {@code POST /google/calendar/notify}: Google's change notifications for the watched calendar. A notification
 * carries no data, only the channel id and its token ({@code X-Goog-Channel-ID}, {@code X-Goog-Channel-Token});
 * when both match the stored channel (the token in constant time) an incremental pull is started and 200 answered
 * at once. Anything else is 403 and starts nothing, so a forged post cannot make the server hammer Google.
 */
public final class GoogleCalendarNotifyRoute {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendarNotifyRoute.class);

    private final GoogleCalendarWatch watch;
    private final Runnable changed;
    private final WorkerExecutor workers;

    /** @param changed starts a pull without waiting for it (the sync's {@code notified()}) */
    public GoogleCalendarNotifyRoute(GoogleCalendarWatch watch, Runnable changed, WorkerExecutor workers) {
        this.watch = Objects.requireNonNull(watch, "watch");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        router.post(GoogleCalendarWatch.PATH).handler(this::notified);
    }

    private void notified(RoutingContext ctx) {
        String channel = ctx.request().getHeader("X-Goog-Channel-ID");
        String token = ctx.request().getHeader("X-Goog-Channel-Token");
        String state = ctx.request().getHeader("X-Goog-Resource-State");
        if ("sync".equals(state)) {
            // Only says the channel is open, and may come before the watch call has returned and the channel is
            // stored: answered without a check, it starts nothing.
            ctx.response().setStatusCode(200).end();
            return;
        }
        workers.<Boolean>executeBlocking(() -> watch.accepts(channel, token), false)
                .onSuccess(ok -> {
                    if (!ok) {
                        LOG.warn("Google Calendar notification refused: unknown channel or wrong token");
                        ApiResponses.error(ctx, 403, "forbidden");
                        return;
                    }
                    changed.run();
                    ctx.response().setStatusCode(200).end();
                })
                .onFailure(e -> {
                    LOG.error("checking a Google Calendar notification failed: {}", FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, "try again");
                });
    }
}

package io.switchboard.telephony.http;

import io.switchboard.scheduling.calendar.IcsFeed;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * {@code GET /calendar/<token>.ics}: the bookings as iCalendar for subscribed calendars. The token is the whole
 * credential (calendar apps cannot send headers), compared in constant time; a wrong one is a plain 404, the same
 * as a path that does not exist, and is never logged.
 */
public final class CalendarFeedRoute {

    public static final String PATH = "/calendar/:file";
    private static final Logger LOG = LoggerFactory.getLogger(CalendarFeedRoute.class);

    private final IcsFeed feed;
    private final WorkerExecutor workers;

    public CalendarFeedRoute(IcsFeed feed, WorkerExecutor workers) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String token = file != null && file.endsWith(".ics") ? file.substring(0, file.length() - 4) : null;
        if (!feed.accepts(token)) {
            ApiResponses.error(ctx, 404, "not found");
            return;
        }
        workers.<String>executeBlocking(feed::render, false)
                .onSuccess(body -> ctx.response().setStatusCode(200)
                        .putHeader("Content-Type", "text/calendar; charset=utf-8")
                        .putHeader("Cache-Control", "private, max-age=300")
                        .putHeader("X-Robots-Tag", "noindex")
                        .end(body))
                .onFailure(e -> {
                    LOG.error("rendering the calendar feed failed: {}", FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, "the calendar feed could not be read; please try again");
                });
    }
}

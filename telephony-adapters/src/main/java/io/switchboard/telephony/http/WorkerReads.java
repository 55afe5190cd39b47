package io.switchboard.telephony.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the owner's read-only listings answer: the body is read on the worker pool (blocking JDBC, never on the event
 * loop), then sent as JSON with status 200; a failure is logged by its kind only (never the data) and answered 500
 * with "{what} could not be read; please try again".
 */
final class WorkerReads {

    private final WorkerExecutor workers;
    private final Logger log;

    WorkerReads(WorkerExecutor workers, Logger log) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * A listing of the last {@code ?days=N} days ({@code fallback} when absent): 400 naming the range when N is no
     * whole number in it, else {@code body}'s JSON as {@link #answer}.
     */
    void answerRecent(RoutingContext ctx, String what, int fallback, Function<DaysBack, JsonObject> body) {
        DaysBack days;
        try {
            days = DaysBack.fromQuery(ctx.queryParams(), fallback);
        } catch (BadRequestException e) {
            ApiResponses.error(ctx, 400, e.getMessage());
            return;
        }
        answer(ctx, what, () -> body.apply(days));
    }

    /** Answers {@code body}'s JSON. */
    void answer(RoutingContext ctx, String what, Supplier<JsonObject> body) {
        answerIfFound(ctx, what, null, () -> Optional.of(body.get()));
    }

    /** Answers {@code body}'s JSON, or 404 with {@code missing} when there is none. */
    void answerIfFound(RoutingContext ctx, String what, String missing, Supplier<Optional<JsonObject>> body) {
        workers.<Optional<JsonObject>>executeBlocking(body::get, false)
                .onSuccess(found -> {
                    if (found.isPresent()) {
                        ApiResponses.json(ctx, 200, found.get());
                    } else {
                        ApiResponses.error(ctx, 404, missing);
                    }
                })
                .onFailure(e -> {
                    log.error("reading {} failed: {}", what, FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, what + " could not be read; please try again");
                });
    }
}

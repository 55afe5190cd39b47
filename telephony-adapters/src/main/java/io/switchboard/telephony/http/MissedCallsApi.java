package io.switchboard.telephony.http;

import io.switchboard.telephony.voice.MissedCall;
import io.switchboard.telephony.voice.MissedCalls;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * {@code GET /v1/missed-calls?days=N} (default 7, at most {@link ApiLimits#MAX_RANGE_DAYS}): the calls turned away
 * because every line was busy and the messages to call back (reason {@code "message"}: asked for a person, to be
 * called back, or stuck), newest first, so the owner can call them back —
 * {@code {"missed_calls": [{"call_sid","caller_phone","reason","texted_back","missed_at","message","done_at"}]}};
 * {@code message} is null for a call turned away.
 * {@code POST /v1/missed-calls/{call_sid}/done}: the owner has called back ({@code 204}; 404 when not listed).
 */
public final class MissedCallsApi {

    public static final String PATH = "/v1/missed-calls";
    static final int DEFAULT_DAYS = 7;

    private static final Logger LOG = LoggerFactory.getLogger(MissedCallsApi.class);

    private final MissedCalls store;
    private final Clock clock;
    private final ZoneId zone;
    private final WorkerExecutor workers;
    private final WorkerReads reads;

    public MissedCallsApi(MissedCalls store, Clock clock, ZoneId zone, WorkerExecutor workers) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.reads = new WorkerReads(workers, LOG);
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::list);
        router.post(PATH + "/:sid/done").handler(this::done);
    }

    private void done(RoutingContext ctx) {
        String sid = ctx.pathParam("sid");
        if (sid == null || !sid.matches("[A-Za-z0-9_-]{1,64}")) {
            ApiResponses.error(ctx, 404, "no such missed call");
            return;
        }
        workers.<Boolean>executeBlocking(() -> store.done(sid), false)
                .onSuccess(found -> {
                    if (found) {
                        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
                    } else {
                        ApiResponses.error(ctx, 404, "no such missed call");
                    }
                })
                .onFailure(e -> {
                    LOG.error("ticking off a missed call failed: {}", FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, "the missed call could not be updated; please try again");
                });
    }

    private void list(RoutingContext ctx) {
        reads.answerRecent(ctx, "missed calls", DEFAULT_DAYS, days -> body(days.since(clock)));
    }

    private JsonObject body(Instant since) {
        JsonArray items = new JsonArray();
        for (MissedCall call : store.since(since)) {
            items.add(new JsonObject()
                    .put("call_sid", call.callSid())
                    .put("caller_phone", call.callerPhone())
                    .put("reason", call.reason())
                    .put("texted_back", call.textedBack())
                    .put("message", call.message())
                    .put("missed_at", call.missedAt().atZone(zone).toOffsetDateTime().toString())
                    .put("done_at", call.doneAt() == null ? null
                            : call.doneAt().atZone(zone).toOffsetDateTime().toString()));
        }
        return new JsonObject().put("timezone", zone.getId()).put("missed_calls", items);
    }
}

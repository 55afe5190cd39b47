package io.switchboard.telephony.http;

import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's call log over HTTP, read on the worker pool (blocking JDBC):
 * <ul>
 *   <li>{@code GET /v1/calls?days=N} (default 7, at most {@link ApiLimits#MAX_RANGE_DAYS}): calls started in the last
 *       N days, newest first, without their turns — {@code {"timezone", "calls": [{"id", "caller_phone",
 *       "started_at", "ended_at", "duration_seconds",
 *       "channel" (voice, sms, whatsapp, web: text conversations are logged too, one per session and day), "outcome", "appointment_id", "summary", "turns"}]}}</li>
 *   <li>{@code GET /v1/calls/{id}}: one call with {@code "turns": [{"turn", "via", "heard", "confidence", "said",
 *       "intent", "state", "at", "interrupted", "latency_ms": {"end_of_turn", "stt", "dialog", "tts", "total"}}]};
 *       404 when no such call is stored (never was, or past its retention)</li>
 * </ul>
 * The answers hold personal data (numbers, what callers said): mount with an admin guard in front.
 */
public final class CallLogApi {

    public static final String PATH = "/v1/calls";
    static final int DEFAULT_DAYS = 7;
    /** Twilio call SIDs and the like; anything else cannot be a stored call. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final String NO_SUCH_CALL = "no such call";
    private static final Logger LOG = LoggerFactory.getLogger(CallLogApi.class);

    private final CallLogStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final WorkerReads reads;

    public CallLogApi(CallLogStore store, Clock clock, ZoneId zone, WorkerExecutor workers) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.reads = new WorkerReads(workers, LOG);
    }

    /** Mounts the routes unguarded (tests, a server reachable only by its owner). */
    public void mount(Router router) {
        router.get(PATH).handler(this::list);
        router.get(PATH + "/:id").handler(this::read);
    }

    /**
     * Mounts the routes behind {@code guard}, which runs first and either ends the request (401/403) or calls
     * {@code ctx.next()}: the place for the admin bearer-token check.
     */
    public void mount(Router router, Handler<RoutingContext> guard) {
        Objects.requireNonNull(guard, "guard");
        router.get(PATH).handler(guard).handler(this::list);
        router.get(PATH + "/:id").handler(guard).handler(this::read);
    }

    private void list(RoutingContext ctx) {
        reads.answerRecent(ctx, "the call log", DEFAULT_DAYS, days -> listing(days.since(clock)));
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !ID.matcher(id).matches()) {
            ApiResponses.error(ctx, 404, NO_SUCH_CALL);
            return;
        }
        reads.answerIfFound(ctx, "the call log", NO_SUCH_CALL, () -> store.find(id).map(this::full));
    }

    private JsonObject listing(Instant since) {
        JsonArray items = new JsonArray();
        for (LoggedCall call : store.since(since)) {
            items.add(head(call));
        }
        return new JsonObject().put("timezone", zone.getId()).put("calls", items);
    }

    private JsonObject head(LoggedCall call) {
        return new JsonObject()
                .put("id", call.callSid())
                .put("channel", call.channel().wireName())
                .put("caller_phone", call.callerPhone())
                .put("started_at", local(call.startedAt()))
                .put("ended_at", local(call.endedAt()))
                .put("duration_seconds", call.duration().toSeconds())
                .put("outcome", call.outcome().wireName())
                .put("appointment_id", call.appointmentId() == null ? null : call.appointmentId().toString())
                .put("summary", call.summary())
                .put("turns", call.turnCount());
    }

    private JsonObject full(LoggedCall call) {
        JsonArray turns = new JsonArray();
        for (LoggedTurn t : call.turns()) {
            turns.add(new JsonObject()
                    .put("turn", t.turn())
                    .put("via", t.via())
                    .put("heard", t.heard())
                    .put("confidence", t.confidence())
                    .put("said", t.said())
                    .put("intent", t.intent())
                    .put("state", t.state())
                    .put("at", local(t.at()))
                    .put("interrupted", t.interrupted())
                    .put("latency_ms", new JsonObject()
                            .put("end_of_turn", t.endOfTurnMs())
                            .put("stt", t.sttMs())
                            .put("dialog", t.dialogMs())
                            .put("tts", t.ttsMs())
                            .put("total", t.totalMs())));
        }
        return head(call).put("timezone", zone.getId()).put("turns", turns);
    }

    private String local(Instant t) {
        return t.atZone(zone).toOffsetDateTime().toString();
    }
}

package io.switchboard.telephony.http;

import static io.switchboard.scheduling.db.Tables.CALENDAR_OUTBOX;
import static io.switchboard.scheduling.db.Tables.OWNER_ALERT;

import io.switchboard.telephony.calllog.ConversationStats;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What needs the owner's eye, and how the receptionist is doing, read on the worker pool (admin token or dashboard
 * session in front):
 * <ul>
 *   <li>{@code GET /v1/calendar-pushes}: calendar changes not delivered after a failure, oldest first —
 *       {@code {"pushes": [{"id","appointment_id","change","created_at","attempts","last_error","retry_after",
 *       "parked"}]}}; {@code parked} is true while the change waits out its retry pause</li>
 *   <li>{@code GET /v1/owner-alerts?days=N} (default 7): the owner's emergency alerts, newest first, with their
 *       delivery — {@code {"alerts": [{"id","channel","caller_phone","caller_name","problem","created_at","status",
 *       "attempts","sent_at","last_error"}]}}</li>
 *   <li>{@code GET /v1/conversation-metrics?days=7|30} (any 1..{@link ApiLimits#MAX_RANGE_DAYS}): from the stored
 *       conversation log — {@code {"days","channels": [{"channel","conversations","booked","conversion",
 *       "median_seconds_to_booking","errors": {kind: n}}], "daily": [{"date","conversations","booked"}]}}</li>
 * </ul>
 */
public final class OwnerAttentionApi {

    public static final String PUSHES = "/v1/calendar-pushes";
    public static final String ALERTS = "/v1/owner-alerts";
    public static final String METRICS = "/v1/conversation-metrics";
    private static final int MAX_LISTED = 500;
    private static final int DEFAULT_DAYS = 7;
    private static final Logger LOG = LoggerFactory.getLogger(OwnerAttentionApi.class);

    private final DSLContext dsl;
    private final ConversationStats stats;
    private final Clock clock;
    private final ZoneId zone;
    private final WorkerReads reads;

    public OwnerAttentionApi(DSLContext dsl, Clock clock, ZoneId zone, WorkerExecutor workers) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.reads = new WorkerReads(workers, LOG);
        this.stats = new ConversationStats(dsl, zone);
    }

    public void mount(Router router) {
        router.get(PUSHES).handler(ctx -> reads.answer(ctx, "the calendar pushes", () -> zoned(pushes())));
        router.get(ALERTS).handler(ctx -> reads.answerRecent(ctx, "the owner alerts", DEFAULT_DAYS,
                days -> zoned(alerts(days.since(clock)))));
        router.get(METRICS).handler(ctx -> reads.answerRecent(ctx, "the conversation metrics", DEFAULT_DAYS,
                days -> zoned(metrics(days.days()))));
    }

    private JsonObject zoned(JsonObject body) {
        return body.put("timezone", zone.getId());
    }

    private JsonObject pushes() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonArray items = new JsonArray();
        dsl.selectFrom(CALENDAR_OUTBOX)
                .where(CALENDAR_OUTBOX.DELIVERED_AT.isNull())
                .and(CALENDAR_OUTBOX.ATTEMPTS.gt(0).or(CALENDAR_OUTBOX.RETRY_AFTER.isNotNull()))
                .orderBy(CALENDAR_OUTBOX.ID)
                .limit(MAX_LISTED)
                .forEach(r -> items.add(new JsonObject()
                        .put("id", r.getId())
                        .put("appointment_id", r.getAppointmentId().toString())
                        .put("change", r.getChange())
                        .put("created_at", local(r.getCreatedAt()))
                        .put("attempts", r.getAttempts())
                        .put("last_error", r.getLastError())
                        .put("retry_after", local(r.getRetryAfter()))
                        .put("parked", r.getRetryAfter() != null && r.getRetryAfter().isAfter(now))));
        return new JsonObject().put("pushes", items);
    }

    private JsonObject alerts(Instant since) {
        JsonArray items = new JsonArray();
        dsl.selectFrom(OWNER_ALERT)
                .where(OWNER_ALERT.CREATED_AT.ge(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
                .orderBy(OWNER_ALERT.CREATED_AT.desc())
                .limit(MAX_LISTED)
                .forEach(r -> items.add(new JsonObject()
                        .put("id", r.getId())
                        .put("channel", r.getChannel())
                        .put("caller_phone", r.getCallerPhone())
                        .put("caller_name", r.getCallerName())
                        .put("problem", r.getProblem())
                        .put("created_at", local(r.getCreatedAt()))
                        .put("status", r.getStatus())
                        .put("attempts", r.getAttempts())
                        .put("sent_at", local(r.getSentAt()))
                        .put("last_error", r.getLastError())));
        return new JsonObject().put("alerts", items);
    }

    private JsonObject metrics(int days) {
        Instant now = clock.instant();
        ConversationStats.Report report = stats.between(now.minus(Duration.ofDays(days)), now);
        JsonArray channels = new JsonArray();
        for (ConversationStats.ChannelFigures c : report.channels()) {
            JsonObject errors = new JsonObject();
            c.errors().forEach(errors::put);
            channels.add(new JsonObject()
                    .put("channel", c.channel().wireName())
                    .put("conversations", c.conversations())
                    .put("booked", c.booked())
                    .put("conversion", Math.round(c.conversion() * 1000) / 1000.0)
                    .put("median_seconds_to_booking", c.medianTimeToBooking() == null ? null
                            : c.medianTimeToBooking().toSeconds())
                    .put("errors", errors));
        }
        JsonArray daily = new JsonArray();
        report.days().forEach(d -> daily.add(new JsonObject().put("date", d.date().toString())
                .put("conversations", d.conversations()).put("booked", d.booked())));
        return new JsonObject().put("days", days).put("channels", channels).put("daily", daily);
    }

    private String local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }
}

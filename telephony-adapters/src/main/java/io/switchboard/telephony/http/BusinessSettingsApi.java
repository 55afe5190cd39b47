package io.switchboard.telephony.http;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.OpeningHours;
import io.switchboard.scheduling.profile.OwnerSettings;
import io.switchboard.scheduling.profile.ProfileException;
import io.switchboard.scheduling.settings.CurrentProfile;
import io.switchboard.scheduling.settings.OwnerSettingsChanges;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The owner's business settings, changed without editing the profile file (admin token or dashboard session with
 * CSRF in front, see {@link SwitchboardApi#ADMIN_PATHS}). Every change is checked by the profile file's own rules —
 * a 400 names the field, like {@code hours.monday[0]} — audited, and in force for the next availability query and
 * the next reply, on every instance within a few seconds:
 * <ul>
 *   <li>{@code GET /v1/business/settings}: {@code {"hours": {"monday": ["08:00-18:00"], ...every day},
 *       "blackout_dates": ["2026-12-25"], "faq": [{"topic","keywords","answer","changed"}], "timezone",
 *       "max_bookings_per_day"}} (the last two read-only: the profile file's)</li>
 *   <li>{@code PUT /v1/business/hours} {@code {"hours": {"saturday": ["09:00-12:00"], "sunday": []}}}: the days
 *       named (an empty list closes the day); other days keep their hours</li>
 *   <li>{@code PUT /v1/business/blackouts} {@code {"blackout_dates": ["2026-12-25"]}}: the whole list</li>
 *   <li>{@code PUT /v1/business/faq/{topic}} {@code {"answer": "..."}}: a topic of the profile file (404 otherwise);
 *       its keywords stay the file's</li>
 * </ul>
 * Each answers with the settings as they now are, in the shape of the {@code GET}.
 */
public final class BusinessSettingsApi {

    public static final String PATH = "/v1/business";
    private static final Logger LOG = LoggerFactory.getLogger(BusinessSettingsApi.class);
    private static final String DASHBOARD = "owner via dashboard";
    private static final String TOKEN = "owner via admin token";

    private final CurrentProfile current;
    private final OwnerSettingsChanges changes;
    private final WorkerExecutor workers;

    public BusinessSettingsApi(CurrentProfile current, OwnerSettingsChanges changes, WorkerExecutor workers) {
        this.current = Objects.requireNonNull(current, "current");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        router.get(PATH + "/settings").handler(ctx -> answer(ctx, actor -> current.get()));
        BodyLimit.read(router.put(PATH + "/hours"), ApiLimits.MAX_BODY_BYTES)
                .handler(ctx -> change(ctx, body -> {
                    Map<DayOfWeek, List<String>> hours = hours(body.getValue("hours"));
                    return actor -> changes.setHours(hours, actor);
                }));
        BodyLimit.read(router.put(PATH + "/blackouts"), ApiLimits.MAX_BODY_BYTES)
                .handler(ctx -> change(ctx, body -> {
                    List<String> days = texts(body.getValue("blackout_dates"), "blackout_dates");
                    return actor -> changes.setBlackouts(days, actor);
                }));
        BodyLimit.read(router.put(PATH + "/faq/:topic"), ApiLimits.MAX_BODY_BYTES)
                .handler(ctx -> change(ctx, body -> {
                    String topic = ctx.pathParam("topic");
                    if (!(body.getValue("answer") instanceof String answer)) {
                        throw new ProfileException("answer", "required: the answer as text");
                    }
                    return actor -> changes.setFaqAnswer(topic, answer, actor);
                }));
    }

    /** Reads the request's shape (a JSON object of the right kinds); the values are the loader's to judge. */
    private void change(RoutingContext ctx, Function<JsonObject, Function<String, BusinessProfile>> parse) {
        Function<String, BusinessProfile> write;
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new ProfileException("(body)", "required: a JSON object");
            }
            write = parse.apply(body);
        } catch (DecodeException | ClassCastException e) {
            ApiResponses.error(ctx, 400, "the body must be a JSON object");
            return;
        } catch (ProfileException e) {
            invalid(ctx, e);
            return;
        }
        answer(ctx, write);
    }

    private void answer(RoutingContext ctx, Function<String, BusinessProfile> action) {
        String actor = DashboardAuth.session(ctx).isPresent() ? DASHBOARD : TOKEN;
        workers.<CurrentProfile.Snapshot>executeBlocking(() -> {
                    action.apply(actor);
                    return current.snapshot();
                }, false)
                .onSuccess(now -> ApiResponses.json(ctx, 200, settings(now.profile(), now.settings())))
                .onFailure(e -> {
                    if (e instanceof ProfileException p) {
                        invalid(ctx, p);
                    } else if (e instanceof OwnerSettingsChanges.UnknownTopicException) {
                        ApiResponses.error(ctx, 404, e.getMessage());
                    } else {
                        LOG.error("{} {} failed: {}", ctx.request().method(), ctx.normalizedPath(),
                                FailureSummary.of(e));
                        ApiResponses.error(ctx, 500, "could not be saved; please try again");
                    }
                });
    }

    private static void invalid(RoutingContext ctx, ProfileException e) {
        // The loader's messages say what was expected and never quote the input, so they are safe to log and show.
        LOG.info("refused business settings: {}", e.getMessage());
        ApiResponses.json(ctx, 400, new JsonObject().put("error", e.getMessage()).put("field", e.field()));
    }

    private static Map<DayOfWeek, List<String>> hours(Object value) {
        if (!(value instanceof JsonObject days)) {
            throw new ProfileException("hours", "required: a mapping of weekday to intervals like [\"08:00-18:00\"]");
        }
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        for (String key : days.fieldNames()) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(key.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProfileException("hours", "not a day of the week (monday ... sunday)");
            }
            hours.put(day, texts(days.getValue(key), "hours." + day.name().toLowerCase(Locale.ROOT)));
        }
        return hours;
    }

    private static List<String> texts(Object value, String field) {
        if (!(value instanceof JsonArray array)) {
            throw new ProfileException(field, "must be a list");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String text)) {
                throw new ProfileException(field + "[" + i + "]", "must be non-empty text");
            }
            texts.add(text);
        }
        return texts;
    }

    private static JsonObject settings(BusinessProfile profile, OwnerSettings owner) {
        JsonObject hours = new JsonObject();
        for (DayOfWeek day : DayOfWeek.values()) {
            JsonArray intervals = new JsonArray();
            for (OpeningHours h : profile.hours().on(day)) {
                intervals.add(h.open() + "-" + h.close());
            }
            hours.put(day.name().toLowerCase(Locale.ROOT), intervals);
        }
        JsonArray faq = new JsonArray();
        for (FaqEntry e : profile.faq()) {
            faq.add(new JsonObject().put("topic", e.topic()).put("keywords", new JsonArray(e.keywords()))
                    .put("answer", e.answer()).put("changed", owner.faqAnswers().containsKey(e.topic())));
        }
        return new JsonObject()
                .put("timezone", profile.timezone().getId())
                .put("max_bookings_per_day", profile.rules().maxBookingsPerDay())
                .put("hours", hours)
                .put("blackout_dates", new JsonArray(profile.blackoutDates().stream().sorted().map(Object::toString)
                        .toList()))
                .put("faq", faq);
    }
}

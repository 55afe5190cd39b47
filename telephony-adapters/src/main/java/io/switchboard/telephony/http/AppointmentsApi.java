package io.switchboard.telephony.http;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.booking.AppointmentStore;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/appointments?date=YYYY-MM-DD} or {@code ?from=...&to=...} (inclusive, business timezone):
 * {@code {"appointments": [...]}}, booked and cancelled, in start order, each as {@link AppointmentJson}.
 */
public final class AppointmentsApi {

    public static final String PATH = "/v1/appointments";

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentsApi.class);

    private final AppointmentStore store;
    private final AppointmentJson json;
    private final ZoneId zone;
    private final WorkerReads reads;

    public AppointmentsApi(AppointmentStore store, AppointmentJson json, ZoneId zone, WorkerExecutor workers) {
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.reads = new WorkerReads(workers, LOG);
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::list);
    }

    private void list(RoutingContext ctx) {
        DateRange range;
        try {
            range = DateRange.fromQuery(ctx.queryParams());
        } catch (BadRequestException e) {
            ApiResponses.error(ctx, 400, e.getMessage());
            return;
        }
        reads.answer(ctx, "appointments", () -> body(range));
    }

    private JsonObject body(DateRange range) {
        List<Appointment> found = store.startingBetween(range.startIn(zone), range.endIn(zone));
        JsonArray items = new JsonArray();
        found.forEach(a -> items.add(json.toJson(a)));
        return new JsonObject()
                .put("from", range.first().toString())
                .put("to", range.last().toString())
                .put("timezone", zone.getId())
                .put("appointments", items);
    }
}

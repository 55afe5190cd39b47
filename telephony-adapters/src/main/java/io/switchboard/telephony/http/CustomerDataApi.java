package io.switchboard.telephony.http;

import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.privacy.ErasureReport;
import io.switchboard.telephony.privacy.PersonalDataErasure;
import io.switchboard.telephony.privacy.PersonalDataExport;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One customer's personal data over HTTP, on the worker pool (blocking JDBC). Admin only: {@link SwitchboardApi}
 * puts the admin token in front of {@link #PATH}.
 * <ul>
 *   <li>{@code GET /v1/customers/{phone}/export}: everything stored about the number (see
 *       {@link PersonalDataExport}); {@code "found": false} when nothing is</li>
 *   <li>{@code DELETE /v1/customers/{phone}}: erases it (see {@link PersonalDataErasure}); bookings stay as
 *       redacted stubs. 409 while the number has upcoming bookings, unless {@code ?upcoming=redact} says to make
 *       stubs of those too. Idempotent: erasing again answers with zero counts.</li>
 * </ul>
 * {@code phone} is E.164 ({@code +447700900123}, URL-encoded or not) or a number local to the business's region.
 * Every export and erasure is recorded in {@code privacy_log}.
 */
public final class CustomerDataApi {

    public static final String PATH = "/v1/customers";
    private static final Logger LOG = LoggerFactory.getLogger(CustomerDataApi.class);

    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;
    private final PhoneNumberNormalizer phones;
    private final WorkerExecutor workers;

    public CustomerDataApi(PersonalDataExport export, PersonalDataErasure erasure, PhoneNumberNormalizer phones,
                           WorkerExecutor workers) {
        this.export = Objects.requireNonNull(export, "export");
        this.erasure = Objects.requireNonNull(erasure, "erasure");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** Mounts the routes; the admin guard is {@link SwitchboardApi#ADMIN_PATHS}' business. */
    public void mount(Router router) {
        router.get(PATH + "/:phone/export").handler(this::export);
        router.delete(PATH + "/:phone").handler(this::erase);
    }

    private void export(RoutingContext ctx) {
        Optional<String> phone = phone(ctx);
        if (phone.isEmpty()) {
            return;
        }
        answer(ctx, "export", () -> {
            JsonObject body = export.export(phone.get(), PersonalDataErasure.ADMIN_API);
            LOG.info("personal data of {} exported", PiiMask.phone(phone.get()));
            return new Answer(200, body);
        });
    }

    private void erase(RoutingContext ctx) {
        Optional<String> phone = phone(ctx);
        if (phone.isEmpty()) {
            return;
        }
        String upcoming = ctx.queryParams().get("upcoming");
        if (upcoming != null && !"redact".equals(upcoming)) {
            ApiResponses.error(ctx, 400, "upcoming must be 'redact' (or left out)");
            return;
        }
        answer(ctx, "erasure", () -> {
            int pending = erasure.upcomingBookings(phone.get());
            if (pending > 0 && upcoming == null) {
                return new Answer(409, new JsonObject()
                        .put("error", "this number has " + pending + " upcoming booking(s); cancel them first, or add "
                                + "?upcoming=redact to keep them as stubs without the customer")
                        .put("upcoming_bookings", pending));
            }
            ErasureReport report = erasure.erase(phone.get(), PersonalDataErasure.ADMIN_API);
            LOG.info("personal data of {} erased: {}", PiiMask.phone(phone.get()), report.toJson().encode());
            return new Answer(200, report.toJson().put("phone", phone.get()).put("found", report.foundAnything()));
        });
    }

    /** The number in the path in E.164, or empty after answering 400. */
    private Optional<String> phone(RoutingContext ctx) {
        Optional<String> e164 = phones.toE164(ctx.pathParam("phone"));
        if (e164.isEmpty()) {
            ApiResponses.error(ctx, 400, "not a phone number: give it in E.164, e.g. +447700900123");
        }
        return e164;
    }

    private void answer(RoutingContext ctx, String what, Supplier<Answer> work) {
        workers.<Answer>executeBlocking(work::get, false)
                .onSuccess(a -> ApiResponses.json(ctx, a.status(), a.body()))
                .onFailure(e -> {
                    LOG.error("customer data {} failed: {}", what, FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, "the " + what + " failed; nothing was changed, please try again");
                });
    }

    private record Answer(int status, JsonObject body) {
    }
}

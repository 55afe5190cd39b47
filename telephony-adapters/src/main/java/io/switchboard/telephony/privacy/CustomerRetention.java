package io.switchboard.telephony.privacy;

import io.switchboard.scheduling.privacy.CustomerRecords;
import io.switchboard.scheduling.privacy.RedactedBookings;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Customer records of finished jobs past {@link RetentionSettings#customers()}: a customer with no booking ending
 * within the period and no update in it is removed, their bookings kept as redacted stubs, one transaction and one
 * {@link PrivacyLog} entry ({@code expire}) per customer. Their calls and messages have shorter periods of their own.
 * Works in batches so one run never holds a long transaction.
 */
public final class CustomerRetention implements RetentionRule {

    static final String ACTOR = "retention";
    private static final int BATCH = 200;

    private final DSLContext dsl;
    private final CustomerRecords customers;
    private final PrivacyLog log;
    private final Duration keep;

    public CustomerRetention(DSLContext dsl, CustomerRecords customers, PrivacyLog log, Duration keep) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.log = Objects.requireNonNull(log, "log");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    @Override
    public String name() {
        return "customer records";
    }

    @Override
    public int purge(Instant now) {
        Instant cutoff = now.minus(keep);
        int removed = 0;
        List<String> due;
        do {
            due = customers.finishedBefore(cutoff, BATCH);
            for (String phone : due) {
                dsl.transaction(cfg -> {
                    RedactedBookings r = customers.redact(cfg.dsl(), phone, now, ACTOR);
                    log.record(cfg.dsl(), now, PrivacyLog.Action.EXPIRE, phone, ACTOR,
                            new JsonObject().put("bookings_redacted", r.appointments().size()));
                });
                removed++;
            }
        } while (due.size() == BATCH);
        return removed;
    }
}

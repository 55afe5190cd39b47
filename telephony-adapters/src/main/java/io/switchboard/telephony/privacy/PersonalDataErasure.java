package io.switchboard.telephony.privacy;

import static io.switchboard.scheduling.db.Tables.CALL_LOG;
import static io.switchboard.scheduling.db.Tables.INBOUND_MESSAGE;
import static io.switchboard.scheduling.db.Tables.MISSED_CALL;
import static io.switchboard.scheduling.db.Tables.OWNER_ALERT;
import static io.switchboard.scheduling.db.Tables.PROCESSED_MESSAGE;

import io.switchboard.scheduling.privacy.CustomerRecords;
import io.switchboard.scheduling.privacy.RedactedBookings;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Erases everything stored about one phone number, in one transaction with its {@link PrivacyLog} entry: the
 * customer record; the person on every booking (each kept as a redacted stub, see {@link CustomerRecords}); their
 * calls and transcripts; their stored messages and the replies to them; owner alerts and missed calls of the number.
 *
 * <p>Kept on purpose: an opt-out (STOP) of the number, because honouring it is the reason it is stored, and it
 * holds nothing but the number. Conversations in progress (in memory or Redis) are not touched; they expire after
 * the session timeout. Blocking.
 */
public final class PersonalDataErasure {

    /** The actor recorded for erasures asked for through the admin API. */
    public static final String ADMIN_API = "admin-api";

    private final DSLContext dsl;
    private final CustomerRecords customers;
    private final PrivacyLog log;
    private final Clock clock;

    public PersonalDataErasure(DSLContext dsl, CustomerRecords customers, PrivacyLog log, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Bookings of {@code phoneE164} still to come: an erasure would leave the owner a job with nobody to visit. */
    public int upcomingBookings(String phoneE164) {
        return customers.upcomingBooked(phoneE164, clock.instant());
    }

    /** Erases {@code phoneE164} (already normalised); the privacy log records it even when nothing was stored. */
    public ErasureReport erase(String phoneE164, String actor) {
        Objects.requireNonNull(phoneE164, "phoneE164");
        Instant now = clock.instant();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            RedactedBookings bookings = customers.redact(tx, phoneE164, now, actor);
            int calls = tx.deleteFrom(CALL_LOG).where(CALL_LOG.CALLER_PHONE.eq(phoneE164)).execute();
            // The replies hold what we said to them (names, times, addresses): keyed by the inbound message.
            tx.deleteFrom(PROCESSED_MESSAGE)
                    .where(DSL.row(PROCESSED_MESSAGE.PROVIDER, PROCESSED_MESSAGE.MESSAGE_ID).in(
                            DSL.select(INBOUND_MESSAGE.PROVIDER, INBOUND_MESSAGE.MESSAGE_ID).from(INBOUND_MESSAGE)
                                    .where(INBOUND_MESSAGE.SENDER.eq(phoneE164))))
                    .execute();
            int messages = tx.deleteFrom(INBOUND_MESSAGE).where(INBOUND_MESSAGE.SENDER.eq(phoneE164)).execute();
            int alerts = tx.deleteFrom(OWNER_ALERT).where(OWNER_ALERT.CALLER_PHONE.eq(phoneE164)).execute();
            int missed = tx.deleteFrom(MISSED_CALL).where(MISSED_CALL.CALLER_PHONE.eq(phoneE164)).execute();
            ErasureReport report = new ErasureReport(bookings.appointments().size(), bookings.customerRemoved(),
                    calls, messages, alerts, missed);
            log.record(tx, now, PrivacyLog.Action.ERASE, phoneE164, actor, report.toJson());
            return report;
        });
    }
}

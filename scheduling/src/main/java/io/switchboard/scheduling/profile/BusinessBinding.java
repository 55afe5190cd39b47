package io.switchboard.scheduling.profile;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.database.Database;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import static io.switchboard.scheduling.db.Tables.APPOINTMENT;
import static io.switchboard.scheduling.db.Tables.BUSINESS_IDENTITY;

/**
 * Ties a database to the one business whose bookings it holds. The first start records the profile's
 * {@link BusinessProfile#id() id}; a later start with another id is refused while the database holds bookings,
 * because availability, reminders and the owner briefing would otherwise mix two businesses' calendars. An explicit
 * rebind hands the bookings over; a database with no bookings is rebound without fuss.
 *
 * <p>The check and the write are one transaction on the single identity row, so several instances starting together
 * on one database agree on the outcome.
 */
public final class BusinessBinding {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessBinding.class);

    /** The business a database is bound to. */
    public record BoundBusiness(String id, String name, Instant boundAt) {
    }

    /** What {@link #bind} did. */
    public sealed interface Outcome {

        /** First start on this database: the profile's business is recorded. */
        record Recorded(String id) implements Outcome {
        }

        /** The same business as before (its name may have changed). */
        record Same(String id) implements Outcome {
        }

        /** Another business took the database over; it held {@code bookings} of {@code previousId}. */
        record Rebound(String previousId, String id, long bookings) implements Outcome {
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public BusinessBinding(Database database, Clock clock) {
        this.dsl = Objects.requireNonNull(database, "database").dsl();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The recorded business, if any start has recorded one yet. Reads only (the {@code profile} command). */
    public Optional<BoundBusiness> current() {
        return dsl.selectFrom(BUSINESS_IDENTITY).fetchOptional().map(r -> new BoundBusiness(r.getBusinessId(),
                r.getName(), r.getBoundAt().toInstant()));
    }

    /** How many bookings (of any status) the database holds. */
    public long bookings() {
        return dsl.fetchCount(APPOINTMENT);
    }

    /**
     * Records {@code profile}'s business on first use, or checks it is the recorded one.
     *
     * @param rebind hand the database's bookings to {@code profile}'s business when it is another one
     * @throws BusinessMismatchException when the database holds bookings of another business and {@code rebind} is off
     */
    public Outcome bind(BusinessProfile profile, boolean rebind) {
        Objects.requireNonNull(profile, "profile");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Outcome outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int inserted = tx.insertInto(BUSINESS_IDENTITY)
                    .set(BUSINESS_IDENTITY.BUSINESS_ID, profile.id())
                    .set(BUSINESS_IDENTITY.NAME, profile.name())
                    .set(BUSINESS_IDENTITY.BOUND_AT, now)
                    .set(BUSINESS_IDENTITY.UPDATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1) {
                return new Outcome.Recorded(profile.id());
            }
            Record bound = tx.select(BUSINESS_IDENTITY.BUSINESS_ID, BUSINESS_IDENTITY.NAME)
                    .from(BUSINESS_IDENTITY).forUpdate().fetchSingle();
            String boundId = bound.get(BUSINESS_IDENTITY.BUSINESS_ID);
            if (boundId.equals(profile.id())) {
                tx.update(BUSINESS_IDENTITY)
                        .set(BUSINESS_IDENTITY.NAME, profile.name())
                        .set(BUSINESS_IDENTITY.UPDATED_AT, now)
                        .execute();
                return new Outcome.Same(boundId);
            }
            long bookings = tx.fetchCount(APPOINTMENT);
            if (bookings > 0 && !rebind) {
                throw new BusinessMismatchException(boundId, bound.get(BUSINESS_IDENTITY.NAME), profile.id(),
                        profile.name(), bookings);
            }
            tx.update(BUSINESS_IDENTITY)
                    .set(BUSINESS_IDENTITY.BUSINESS_ID, profile.id())
                    .set(BUSINESS_IDENTITY.NAME, profile.name())
                    .set(BUSINESS_IDENTITY.BOUND_AT, now)
                    .set(BUSINESS_IDENTITY.UPDATED_AT, now)
                    .execute();
            return new Outcome.Rebound(boundId, profile.id(), bookings);
        });
        switch (outcome) {
            case Outcome.Recorded r -> LOG.info("database bound to business {}", r.id());
            case Outcome.Same s -> LOG.debug("database belongs to business {}", s.id());
            case Outcome.Rebound r when r.bookings() > 0 ->
                    LOG.warn("database rebound from business {} to {}: its {} bookings now belong to {}",
                            r.previousId(), r.id(), r.bookings(), r.id());
            case Outcome.Rebound r -> LOG.info("database (no bookings) rebound from business {} to {}",
                    r.previousId(), r.id());
        }
        return outcome;
    }
}

package io.switchboard.scheduling.owner;

import io.switchboard.models.Channel;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import static io.switchboard.scheduling.db.Tables.OWNER_LOCKOUT;
import static io.switchboard.scheduling.db.Tables.OWNER_PIN_FAILURE;

/**
 * Wrong owner PINs counted per owner identity in PostgreSQL, so every session, channel and instance sees the same
 * count: a new conversation (or a new CallSid) resets nothing. After {@value #MAX_FAILURES} wrong PINs within
 * {@link #WINDOW}, all owner access is refused for {@link #LOCK_PERIOD}, the right PIN included.
 *
 * <p>Failures of one owner are serialised with a transaction-scoped advisory lock, so concurrent guesses from many
 * sessions cannot each see "four so far" and slip past the limit. No PIN is ever stored.
 */
public final class OwnerLockout {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK_PERIOD = Duration.ofMinutes(15);

    /** What one wrong PIN led to. */
    public sealed interface Failure {
        /** Still allowed to try; {@code left} more wrong PINs lock owner access. */
        record TryAgain(int left) implements Failure {
        }

        /** This failure locked owner access until {@code until}: the moment to alert the owner. */
        record LockedNow(Instant until) implements Failure {
        }

        /** Access was already locked (a guess raced the lock); nothing new to report. */
        record AlreadyLocked(Instant until) implements Failure {
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public OwnerLockout(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** When owner access is refused until, or empty while it is open. */
    public Optional<Instant> lockedUntil(String ownerKey) {
        OffsetDateTime now = now();
        return dsl.select(OWNER_LOCKOUT.LOCKED_UNTIL).from(OWNER_LOCKOUT)
                .where(OWNER_LOCKOUT.OWNER_KEY.eq(ownerKey).and(OWNER_LOCKOUT.LOCKED_UNTIL.gt(now)))
                .fetchOptional(OWNER_LOCKOUT.LOCKED_UNTIL).map(OffsetDateTime::toInstant);
    }

    /** Records one wrong PIN and says whether owner access is now locked. */
    public Failure recordFailure(String ownerKey, Channel channel) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val("owner:" + ownerKey)))
                    .fetch();
            OffsetDateTime now = now();
            Optional<OffsetDateTime> locked = tx.select(OWNER_LOCKOUT.LOCKED_UNTIL).from(OWNER_LOCKOUT)
                    .where(OWNER_LOCKOUT.OWNER_KEY.eq(ownerKey).and(OWNER_LOCKOUT.LOCKED_UNTIL.gt(now)))
                    .fetchOptional(OWNER_LOCKOUT.LOCKED_UNTIL);
            if (locked.isPresent()) {
                return new Failure.AlreadyLocked(locked.get().toInstant());
            }
            tx.insertInto(OWNER_PIN_FAILURE)
                    .set(OWNER_PIN_FAILURE.OWNER_KEY, ownerKey)
                    .set(OWNER_PIN_FAILURE.CHANNEL, channel.wireName())
                    .set(OWNER_PIN_FAILURE.FAILED_AT, now)
                    .execute();
            int recent = tx.fetchCount(OWNER_PIN_FAILURE, OWNER_PIN_FAILURE.OWNER_KEY.eq(ownerKey)
                    .and(OWNER_PIN_FAILURE.FAILED_AT.gt(now.minus(WINDOW))));
            if (recent < MAX_FAILURES) {
                return new Failure.TryAgain(MAX_FAILURES - recent);
            }
            OffsetDateTime until = now.plus(LOCK_PERIOD);
            tx.insertInto(OWNER_LOCKOUT)
                    .set(OWNER_LOCKOUT.OWNER_KEY, ownerKey)
                    .set(OWNER_LOCKOUT.LOCKED_AT, now)
                    .set(OWNER_LOCKOUT.LOCKED_UNTIL, until)
                    .onConflict(OWNER_LOCKOUT.OWNER_KEY).doUpdate()
                    .set(OWNER_LOCKOUT.LOCKED_AT, now)
                    .set(OWNER_LOCKOUT.LOCKED_UNTIL, until)
                    .execute();
            // the failures that caused this lock are spent: after it ends the owner starts from a clean count
            tx.deleteFrom(OWNER_PIN_FAILURE).where(OWNER_PIN_FAILURE.OWNER_KEY.eq(ownerKey)).execute();
            return new Failure.LockedNow(until.toInstant());
        });
    }

    /**
     * Ends a lockout early: the owner proved their phone with a one-time code texted to it (a lockout tripped by
     * someone spoofing the owner's caller ID must not keep the real owner out). Earlier wrong PINs no longer count;
     * the PIN is still asked for afterwards.
     *
     * @return whether a lockout was in force
     */
    public boolean lift(String ownerKey) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.deleteFrom(OWNER_PIN_FAILURE).where(OWNER_PIN_FAILURE.OWNER_KEY.eq(ownerKey)).execute();
            return tx.deleteFrom(OWNER_LOCKOUT).where(OWNER_LOCKOUT.OWNER_KEY.eq(ownerKey)
                    .and(OWNER_LOCKOUT.LOCKED_UNTIL.gt(now()))).execute() > 0;
        });
    }

    /** The right PIN while unlocked: earlier wrong guesses no longer count. */
    public void recordSuccess(String ownerKey) {
        dsl.deleteFrom(OWNER_PIN_FAILURE).where(OWNER_PIN_FAILURE.OWNER_KEY.eq(ownerKey)).execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

package io.switchboard.scheduling.owner;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerLockoutTest {

    private static final String OWNER = "+447700900999";
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final Database db = TestDatabase.freshSchema();
    private final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
    private final OwnerLockout lockout = new OwnerLockout(db.dsl(), clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFifthWrongPinWithinFifteenMinutesLocksForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(lockout.recordFailure(OWNER, Channel.SMS)).isEqualTo(new OwnerLockout.Failure.TryAgain(5 - i));
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(lockout.lockedUntil(OWNER)).isEmpty();

        OwnerLockout.Failure fifth = lockout.recordFailure(OWNER, Channel.VOICE);

        Instant until = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(fifth).isEqualTo(new OwnerLockout.Failure.LockedNow(until));
        assertThat(lockout.lockedUntil(OWNER)).contains(until);
        assertThat(lockout.recordFailure(OWNER, Channel.SMS)).isEqualTo(new OwnerLockout.Failure.AlreadyLocked(until));

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(lockout.lockedUntil(OWNER)).as("still locked a second before the end").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lockout.lockedUntil(OWNER)).isEmpty();
        assertThat(lockout.recordFailure(OWNER, Channel.SMS)).as("a fresh count after the lock")
                .isEqualTo(new OwnerLockout.Failure.TryAgain(4));
    }

    @Test
    void wrongPinsSpreadWiderThanTheWindowNeverLock() {
        for (int i = 0; i < 12; i++) {
            assertThat(lockout.recordFailure(OWNER, Channel.SMS)).isInstanceOf(OwnerLockout.Failure.TryAgain.class);
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(lockout.lockedUntil(OWNER)).isEmpty();
    }

    @Test
    void theRightPinClearsEarlierFailuresAndAnotherOwnerIsCountedApart() {
        for (int i = 0; i < 4; i++) {
            lockout.recordFailure(OWNER, Channel.SMS);
        }
        lockout.recordSuccess(OWNER);
        assertThat(lockout.recordFailure(OWNER, Channel.SMS)).isEqualTo(new OwnerLockout.Failure.TryAgain(4));
        for (int i = 0; i < 4; i++) {
            lockout.recordFailure("+447700900888", Channel.SMS);
        }
        assertThat(lockout.lockedUntil(OWNER)).isEmpty();
    }

    @Test
    void concurrentGuessesFromManySessionsLockExactlyOnceAfterFive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OwnerLockout.Failure>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                guesses.add(() -> lockout.recordFailure(OWNER, Channel.WHATSAPP));
            }
            List<OwnerLockout.Failure> outcomes = new ArrayList<>();
            for (Future<OwnerLockout.Failure> f : pool.invokeAll(guesses)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(f -> f instanceof OwnerLockout.Failure.TryAgain).hasSize(4);
            assertThat(outcomes).filteredOn(f -> f instanceof OwnerLockout.Failure.LockedNow).hasSize(1);
            assertThat(outcomes).filteredOn(f -> f instanceof OwnerLockout.Failure.AlreadyLocked).hasSize(35);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void liftingALockoutOpensAccessAndStartsTheCountAfresh() {
        for (int i = 0; i < 5; i++) {
            lockout.recordFailure(OWNER, Channel.SMS);
        }
        assertThat(lockout.lockedUntil(OWNER)).isPresent();

        assertThat(lockout.lift(OWNER)).isTrue();

        assertThat(lockout.lockedUntil(OWNER)).isEmpty();
        assertThat(lockout.recordFailure(OWNER, Channel.SMS)).isEqualTo(new OwnerLockout.Failure.TryAgain(4));
        assertThat(lockout.lift("+447700900888")).as("nothing to lift").isFalse();
    }
}

package io.switchboard.scheduling.settings;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.background.RepeatingPass;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CurrentProfile#get} is read on the HTTP event loop on every request, so it must never touch the database:
 * every statement the profile's store runs is counted here, and only the construction, an explicit check and a
 * refresh may run any.
 */
class CurrentProfileReadsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    private static final String OWNER = "owner via dashboard";

    private final SchedulingFixture fixture = new SchedulingFixture(TestProfiles.sample(), NOW);
    private final AtomicInteger statements = new AtomicInteger();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void getAndSettingsRunNoStatementHoweverMuchTimePasses() {
        CurrentProfile current = counted(Duration.ofMillis(1));
        assertThat(statements).as("the settings are read once at construction").hasPositiveValue();
        statements.set(0);

        for (int i = 0; i < 1_000; i++) {
            fixture.clock().advance(Duration.ofSeconds(3));
            assertThat(current.get()).isNotNull();
            assertThat(current.settings()).isNotNull();
            assertThat(current.snapshot().profile()).isSameAs(current.get());
        }

        assertThat(statements).as("statements run by get(), settings() and snapshot()").hasValue(0);
    }

    @Test
    void aCheckReadsOnlyTheVersionRowWhenNothingChanged() {
        CurrentProfile current = counted(Duration.ofSeconds(2));
        statements.set(0);

        current.checkForChange();

        assertThat(statements).as("one version read, no settings reload").hasValue(1);
    }

    @Test
    void theRefreshThreadBringsInAChangeMadeOnAnotherInstance() throws InterruptedException {
        CurrentProfile current = counted(Duration.ofMillis(20));
        LocalDate day = LocalDate.of(2026, 12, 24);
        try (RepeatingPass refresh = current.startRefreshing()) {
            fixture.scheduling().settings().setBlackouts(List.of(day.toString()), OWNER);

            // The refresh thread's own interval, not a sleep standing in for a result: bounded, and it fails
            // if the thread never runs.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!current.get().isBlackout(day) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(current.get().isBlackout(day)).as("seen by the refresh thread").isTrue();
    }

    /** A profile over its own store whose every statement is counted. */
    private CurrentProfile counted(Duration refresh) {
        DSLContext dsl = fixture.database().dsl();
        DSLContext counting = dsl.configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        })).dsl();
        BusinessProfile file = TestProfiles.sample();
        return new CurrentProfile(file, new OwnerSettingsStore(counting), new BusinessProfileLoader(), refresh);
    }
}

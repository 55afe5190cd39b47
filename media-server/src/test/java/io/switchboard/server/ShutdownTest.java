package io.switchboard.server;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The orderly shutdown as a unit: fake components that record what happens to them, and when. */
class ShutdownTest {

    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Records each call; {@code endCalls} and {@code finishMessages} can be made to hang or fail. */
    private final class FakeTargets implements ShutdownTargets {
        volatile boolean hangOnCalls;
        volatile boolean failMessages;
        final List<Duration> given = new CopyOnWriteArrayList<>();

        @Override
        public void refuseNewWork() {
            log.add("refuse new work");
        }

        @Override
        public boolean endCalls(Duration within) throws InterruptedException {
            given.add(within);
            log.add("end calls");
            if (hangOnCalls) {
                new CountDownLatch(1).await();
            }
            return true;
        }

        @Override
        public boolean finishMessages(Duration within) {
            given.add(within);
            log.add("finish messages");
            if (failMessages) {
                throw new IllegalStateException("outbound pool broken");
            }
            return true;
        }

        @Override
        public void flushOutbox(Duration within) {
            given.add(within);
            log.add("flush outbox");
        }

        @Override
        public void closeAll() {
            log.add("close");
        }
    }

    @Test
    void theStepsRunInOrderEachWithWhatIsLeftOfTheBound() {
        FakeTargets targets = new FakeTargets();
        Shutdown shutdown = ShutdownTargets.sequence(targets, Duration.ofSeconds(20), Clock.systemUTC());

        List<Shutdown.Outcome> outcomes = shutdown.run();

        assertThat(log).containsExactly("refuse new work", "end calls", "finish messages", "flush outbox", "close");
        assertThat(outcomes).allMatch(Shutdown.Outcome::completed);
        assertThat(targets.given).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(20))
                .isGreaterThan(Duration.ofSeconds(19)));
    }

    @Test
    void aHungStepCostsAtMostTheBoundAndTheRestStillRun() {
        FakeTargets targets = new FakeTargets();
        targets.hangOnCalls = true;
        Shutdown shutdown = ShutdownTargets.sequence(targets, Duration.ofMillis(600), Clock.systemUTC());

        long start = System.nanoTime();
        List<Shutdown.Outcome> outcomes = shutdown.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(log).containsExactly("refuse new work", "end calls", "finish messages", "flush outbox", "close");
        assertThat(outcomes).filteredOn(o -> !o.completed()).extracting(Shutdown.Outcome::step)
                .containsExactly("end calls");
        // The bound, plus the floor each later step gets once it is spent (they return at once here).
        assertThat(took).isLessThan(Duration.ofMillis(600).plus(Duration.ofSeconds(1)));
        assertThat(targets.given.subList(1, 3)).as("later steps get the floor, not the spent bound")
                .containsOnly(Shutdown.LAST_STEPS_GRACE);
    }

    @Test
    void aFailingStepIsLoggedAndTheNextOneRuns() {
        FakeTargets targets = new FakeTargets();
        targets.failMessages = true;

        List<Shutdown.Outcome> outcomes = ShutdownTargets.sequence(targets, Duration.ofSeconds(5), Clock.systemUTC())
                .run();

        assertThat(log).endsWith("flush outbox", "close");
        assertThat(outcomes).filteredOn(o -> !o.completed()).extracting(Shutdown.Outcome::step)
                .containsExactly("finish messages");
    }

    @Test
    void aSecondSignalOrTheShutdownHookDoesNotRunTheStepsAgain() {
        Shutdown shutdown = ShutdownTargets.sequence(new FakeTargets(), Duration.ofSeconds(5), Clock.systemUTC());

        List<Shutdown.Outcome> first = shutdown.run();
        List<Shutdown.Outcome> second = shutdown.run();

        assertThat(second).isSameAs(first);
        assertThat(log).hasSize(5);
    }

    @Test
    void theBoundIsConfigurable() {
        assertThat(Shutdown.timeoutFrom(SettingsSource.of(Map.of()))).isEqualTo(Duration.ofSeconds(20));
        assertThat(Shutdown.timeoutFrom(SettingsSource.of(Map.of(Shutdown.TIMEOUT, "45s")))).isEqualTo(Duration.ofSeconds(45));
        assertThat(Shutdown.timeoutFrom(SettingsSource.of(Map.of(Shutdown.TIMEOUT, "1500ms")))).isEqualTo(Duration.ofMillis(1500));
        assertThat(Shutdown.timeoutFrom(SettingsSource.of(Map.of(Shutdown.TIMEOUT, "30")))).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Shutdown.timeoutFrom(SettingsSource.of(Map.of(Shutdown.TIMEOUT, "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(Shutdown.TIMEOUT);
        assertThatThrownBy(() -> Shutdown.timeoutFrom(SettingsSource.of(Map.of(Shutdown.TIMEOUT, "0s"))))
                .isInstanceOf(ConfigException.class);
    }
}

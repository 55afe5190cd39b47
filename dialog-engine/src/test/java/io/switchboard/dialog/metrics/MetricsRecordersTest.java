package io.switchboard.dialog.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.DialogState;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each recorder moves exactly its own meter, under the names and tags the README and dashboards use. */
class MetricsRecordersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Metrics metrics = new Metrics(registry);

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void conversationsAreCountedByChannelWhenStartedAndByOutcomeWhenEnded() {
        metrics.conversations().started(Channel.SMS);
        metrics.conversations().started(Channel.SMS);
        metrics.conversations().started(Channel.VOICE);
        metrics.conversations().ended(Channel.SMS, ConversationOutcome.BOOKED);
        metrics.conversations().ended(Channel.VOICE, ConversationOutcome.ABANDONED);

        assertThat(counter("switchboard.conversations.started", "channel", "sms")).isEqualTo(2);
        assertThat(counter("switchboard.conversations.started", "channel", "voice")).isEqualTo(1);
        assertThat(counter("switchboard.conversations.started", "channel", "whatsapp")).isZero();
        assertThat(counter("switchboard.conversations", "channel", "sms", "outcome", "booked")).isEqualTo(1);
        assertThat(counter("switchboard.conversations", "channel", "voice", "outcome", "abandoned")).isEqualTo(1);
        assertThat(counter("switchboard.conversations", "channel", "sms", "outcome", "failed")).isZero();
    }

    @Test
    void terminalStatesMapToOutcomesAndOthersDoNot() {
        assertThat(ConversationOutcome.of(DialogState.BOOKED)).contains(ConversationOutcome.BOOKED);
        assertThat(ConversationOutcome.of(DialogState.HANDED_OFF)).contains(ConversationOutcome.HANDED_OFF);
        assertThat(ConversationOutcome.of(DialogState.COLLECTING)).isEmpty();
        assertThat(Arrays.stream(DialogState.values()).filter(s -> ConversationOutcome.of(s).isPresent()))
                .allMatch(DialogState::isTerminal);
    }

    @Test
    void bookingsAreCountedByChannelAndResultAndTimeToBookingIsAHistogram() {
        metrics.bookings().result(Channel.WEB, BookingOutcome.BOOKED);
        metrics.bookings().result(Channel.WEB, BookingOutcome.SLOT_TAKEN);
        metrics.bookings().result(Channel.VOICE, BookingOutcome.RULE_REFUSED);
        metrics.bookings().result(Channel.VOICE, BookingOutcome.ERROR);
        metrics.bookings().booked(Channel.WEB, Duration.ofSeconds(90));
        metrics.bookings().booked(Channel.WEB, Duration.ofMinutes(20));
        metrics.bookings().booked(Channel.WEB, Duration.ofSeconds(-1));

        assertThat(counter("switchboard.bookings", "channel", "web", "result", "booked")).isEqualTo(1);
        assertThat(counter("switchboard.bookings", "channel", "web", "result", "slot_taken")).isEqualTo(1);
        assertThat(counter("switchboard.bookings", "channel", "voice", "result", "rule_refused")).isEqualTo(1);
        assertThat(counter("switchboard.bookings", "channel", "voice", "result", "error")).isEqualTo(1);
        Timer t = registry.get("switchboard.time.to.booking").tags("channel", "web").timer();
        assertThat(t.count()).as("the negative duration is ignored").isEqualTo(2);
        assertThat(t.totalTime(TimeUnit.SECONDS)).isEqualTo(90 + 20 * 60);
        assertThat(bucket(t, Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(bucket(t, Duration.ofMinutes(30))).isEqualTo(2);
    }

    @Test
    void dependencyErrorsAreCountedByKind() {
        metrics.errors().record(DependencyKind.LLM);
        metrics.errors().record(DependencyKind.LLM);
        metrics.errors().record(DependencyKind.SESSION_STORE);

        assertThat(counter("switchboard.dependency.errors", "kind", "llm")).isEqualTo(2);
        assertThat(counter("switchboard.dependency.errors", "kind", "session_store")).isEqualTo(1);
        assertThat(counter("switchboard.dependency.errors", "kind", "database")).isZero();
    }

    @Test
    void everyMeterIsRegisteredUpFrontSoAScrapeShowsZeroesNotGaps() {
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getName()).startsWith(Metrics.PREFIX));
        assertThat(registry.find("switchboard.bookings").counters()).hasSize(
                Channel.values().length * BookingOutcome.values().length);
        assertThat(registry.find("switchboard.dependency.errors").counters()).hasSize(DependencyKind.values().length);
    }

    @Test
    void disabledMetricsAcceptRecordingsAndKeepNothing() {
        Metrics off = Metrics.disabled();
        off.bookings().result(Channel.SMS, BookingOutcome.BOOKED);
        off.errors().record(DependencyKind.DATABASE);
        assertThat(off.registry().find("switchboard.bookings").counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    private static double bucket(Timer t, Duration le) {
        for (CountAtBucket b : t.takeSnapshot().histogramCounts()) {
            if (b.bucket(TimeUnit.NANOSECONDS) == le.toNanos()) {
                return b.count();
            }
        }
        throw new AssertionError("no bucket at " + le);
    }
}

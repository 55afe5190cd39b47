package io.switchboard.dialog.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real receptionist over a real database records conversations and bookings as they happen. */
class ReceptionistMetricsTest {

    private static final String CALLER = "+447700900123";

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Receptionist engine = Receptionist.create(fx.scheduling(), new InMemorySessionStore(fx.clock()),
            DisabledLlmFallback.INSTANCE, new LoggingNotifier(), Duration.ofMinutes(15), new Metrics(registry));
    private final List<String> transcript = new ArrayList<>();

    @AfterEach
    void close() {
        fx.close();
    }

    private TurnResult say(Channel channel, String session, String text) {
        fx.clock().advance(Duration.ofSeconds(20));
        TurnResult r = engine.handle(TurnRequest.text(channel, session, CALLER, text));
        transcript.add(text + " -> [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void aBookedConversationCountsOnceWithItsTimeToBooking() {
        say(Channel.SMS, "sms-1", "can you do a drain cleaning tomorrow at 10am? my sink is blocked");
        say(Channel.SMS, "sms-1", "Jane Doe");
        say(Channel.SMS, "sms-1", "yes");
        say(Channel.SMS, "sms-1", "12 Park Street, Bristol BS1 5HX");
        TurnResult booked = say(Channel.SMS, "sms-1", "yes please");
        assertThat(booked.state()).as(String.join("\n", transcript)).isEqualTo(DialogState.BOOKED);
        say(Channel.SMS, "sms-1", "thanks");

        assertThat(counter("switchboard.conversations.started", "channel", "sms")).isEqualTo(1);
        assertThat(counter("switchboard.conversations", "channel", "sms", "outcome", "booked")).isEqualTo(1);
        assertThat(counter("switchboard.bookings", "channel", "sms", "result", "booked")).isEqualTo(1);
        var timeToBooking = registry.get("switchboard.time.to.booking").tags("channel", "sms").timer();
        assertThat(timeToBooking.count()).isEqualTo(1);
        // five messages 20 s apart: the first at +20 s, the booking at +100 s
        assertThat(timeToBooking.totalTime(TimeUnit.SECONDS)).isEqualTo(80);
    }

    @Test
    void aCallThatEndsWithoutAnOutcomeIsAbandoned() {
        engine.begin(Channel.VOICE, "CA-1", CALLER);
        say(Channel.VOICE, "CA-1", "i need a drain cleaning");
        engine.end(Channel.VOICE, "CA-1");

        assertThat(counter("switchboard.conversations.started", "channel", "voice")).isEqualTo(1);
        assertThat(counter("switchboard.conversations", "channel", "voice", "outcome", "abandoned")).isEqualTo(1);
        assertThat(counter("switchboard.bookings", "channel", "voice", "result", "booked")).isZero();
    }

    @Test
    void theWarmUpConversationIsNotCounted() {
        engine.warmUp();

        assertThat(registry.find("switchboard.conversations.started").counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(registry.find("switchboard.conversations").counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }
}

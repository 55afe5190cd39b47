package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.calcom.CalcomApi;
import io.switchboard.scheduling.calendar.calcom.CalcomBookings;
import io.switchboard.scheduling.calendar.calcom.CalcomCalendar;
import io.switchboard.scheduling.calendar.calcom.CalcomSettings;
import io.switchboard.scheduling.testing.FakeCalcom;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text conversation that books through Cal.com (a loopback fake), counting the fake's {@code GET /v2/slots}: with
 * the slot cache a conversation's look-ups cost one request; a slot Cal.com gives away meanwhile is still the usual
 * "just taken" turn with alternatives.
 */
class CalcomConversationTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final long DRAINS = 4242;

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), CallerScript.MONDAY_9AM);
    private final FakeCalcom cal = new FakeCalcom();
    private final List<String> transcript = new ArrayList<>();

    @AfterEach
    void close() {
        cal.close();
        fx.close();
    }

    @Test
    void aBookingConversationAsksCalcomForSlotsOnceWithTheCacheAndOnEveryLookUpWithout() {
        int cached = slotRequestsOfABooking(engine(Duration.ofSeconds(60)), "with-cache", "07700 900123");
        int requestsSoFar = slotRequests();
        int uncached = slotRequestsOfABooking(engine(Duration.ZERO), "no-cache", "07700 900124");

        assertThat(cached).as(String.join("\n", transcript)).isEqualTo(1);
        assertThat(uncached).as("the same conversation without the cache").isGreaterThan(cached);
        assertThat(requestsSoFar + uncached).isEqualTo(slotRequests());
        System.out.printf("GET /v2/slots per booking conversation: %d with the cache, %d without%n", cached, uncached);
    }

    @Test
    void aSlotCalcomGaveAwayAfterTheOfferIsTheUsualJustTakenTurnWithAlternatives() {
        offerTuesday();
        Receptionist engine = engine(Duration.ofSeconds(60));
        TurnResult offer = say(engine, "taken", "Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow?");
        assertThat(offer.expecting().offers()).as(String.join("\n", transcript)).isNotEmpty();
        Instant first = offer.expecting().offers().getFirst().toInstant();
        say(engine, "taken", "option 1");
        say(engine, "taken", "Jane Doe");
        say(engine, "taken", "07700 900123");
        TurnResult confirm = say(engine, "taken", "12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.state()).as(String.join("\n", transcript)).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        cal.bookElsewhere(DRAINS, first); // someone books it on Cal.com's own page while the caller confirms

        TurnResult taken = say(engine, "taken", "yes");

        assertThat(taken.reply()).as(String.join("\n", transcript)).contains("just taken");
        assertThat(taken.state()).isEqualTo(DialogState.OFFERING);
        assertThat(taken.expecting().offers()).isNotEmpty()
                .allSatisfy(alt -> assertThat(alt.toInstant()).isNotEqualTo(first));
    }

    private int slotRequestsOfABooking(Receptionist engine, String session, String phone) {
        offerTuesday();
        int before = slotRequests();
        say(engine, session, "Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow?");
        say(engine, session, "is there anything in the afternoon?");
        say(engine, session, "option 1");
        say(engine, session, "Jane Doe");
        say(engine, session, phone);
        say(engine, session, "12 Park Street, Bristol BS1 5HX");
        TurnResult booked = say(engine, session, "yes");
        assertThat(booked.state()).as(String.join("\n", transcript)).isEqualTo(DialogState.BOOKED);
        return slotRequests() - before;
    }

    private Receptionist engine(Duration slotTtl) {
        CalcomSettings settings = new CalcomSettings(FakeCalcom.API_KEY, Map.of("drain-cleaning", DRAINS),
                cal.apiUrl(), "");
        CalcomCalendar calcom = new CalcomCalendar(settings, new CalcomApi(settings, Duration.ofMillis(10)),
                new CalcomBookings(fx.database().dsl()), fx.clock(), fx.scheduling().profile().timezone(), slotTtl);
        Scheduling scheduling = Scheduling.create(fx.scheduling().profile(), fx.clock(), fx.database(), calcom, calcom);
        return Receptionist.create(scheduling, new InMemorySessionStore(fx.clock()), DisabledLlmFallback.INSTANCE,
                new LoggingNotifier());
    }

    /** Every half hour of Tuesday's opening hours (our rules narrow it further). */
    private void offerTuesday() {
        for (int minutes = 8 * 60; minutes <= 17 * 60; minutes += 30) {
            cal.offer(DRAINS, fx.at(TUESDAY.atTime(minutes / 60, minutes % 60)).toInstant());
        }
    }

    private TurnResult say(Receptionist engine, String session, String text) {
        TurnResult r = engine.handle(TurnRequest.typed(Channel.WEB, "chat-web:" + session, Identity.none(), text));
        transcript.add(session + " -> " + text + "\n   <- [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    private int slotRequests() {
        return (int) cal.requests().stream().filter("GET /v2/slots"::equals).count();
    }
}

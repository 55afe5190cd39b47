package io.switchboard.dialog.conversations;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.session.SessionStore;
import io.switchboard.dialog.testing.TextedCodes;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the conversations that prove a phone by one-time code share: the sample business on Monday at 9 am, the real
 * codes texted into a map, a booking on Tuesday at 10:00 made directly under a phone, and the transcript of every
 * turn for an assertion's message.
 */
final class CodeFlowFixture implements AutoCloseable {

    final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), CallerScript.MONDAY_9AM);
    private final List<String> transcript = new ArrayList<>();

    /** The real codes under {@code policy}, texted into a map. */
    TextedCodes textedCodes(CodePolicy policy) {
        return new TextedCodes(new OneTimeCodes(fx.database().dsl(), fx.clock(), policy));
    }

    /** The British codes every test starts with. */
    TextedCodes textedCodes() {
        return textedCodes(CodePolicy.forRegion("GB"));
    }

    /** A receptionist without an LLM, its conversations in memory, its codes sent through {@code phones}. */
    Receptionist receptionist(PhoneVerifier phones) {
        return receptionist(new InMemorySessionStore(fx.clock()), phones);
    }

    Receptionist receptionist(SessionStore sessions, PhoneVerifier phones) {
        return Receptionist.create(fx.scheduling(), sessions, DisabledLlmFallback.INSTANCE, new LoggingNotifier(),
                Receptionist.DEFAULT_SESSION_TIMEOUT, Metrics.disabled(), phones);
    }

    /** One turn, kept in the transcript. */
    TurnResult turn(Receptionist engine, TurnRequest request) {
        TurnResult r = engine.handle(request);
        transcript.add(request.sessionId() + " -> " + request.text() + "\n   <- [" + r.state().wireName() + "] "
                + r.reply());
        return r;
    }

    /** A general repair on Tuesday at 10:00 booked under {@code phone}. */
    UUID book(String phone) {
        BookingResult r = fx.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)), phone, "Jane Doe", "1 Test Street, Bristol", "test",
                false, SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }

    AppointmentStatus status(UUID id) {
        return fx.scheduling().appointments().find(id).orElseThrow().status();
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    @Override
    public void close() {
        fx.close();
    }
}

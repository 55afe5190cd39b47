package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.FakeCalcom;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cal.com wired behind the booking seam the way the server wires it, against the loopback fake of the v2 endpoints:
 * the sample business on Monday 23 November 2026, 07:00 in Bristol, drain cleaning mapped to one event type, and the
 * signed webhook noting what Cal.com cancelled or moved. The tests book Tuesday's times.
 */
final class CalcomStand implements AutoCloseable {

    /** Monday 23 November 2026, 07:00 in Bristol. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 7, 0);
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    static final long DRAINS = 4242;
    static final String SECRET = "whsec-test";

    final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), NOW);
    final FakeCalcom cal = new FakeCalcom();
    final CalcomBookings uids = new CalcomBookings(fx.database().dsl());
    final CalcomCalendar calcom;
    final Scheduling scheduling;
    final List<Appointment> cancelledInCalcom = new CopyOnWriteArrayList<>();
    final List<Appointment> movedInCalcom = new CopyOnWriteArrayList<>();
    final CalcomWebhook webhook;

    CalcomStand() {
        CalcomSettings settings = new CalcomSettings(FakeCalcom.API_KEY, Map.of("drain-cleaning", DRAINS),
                cal.apiUrl(), SECRET);
        CalcomApi api = new CalcomApi(settings, Duration.ofMillis(10));
        calcom = new CalcomCalendar(settings, api, uids, fx.clock(), fx.scheduling().profile().timezone());
        scheduling = Scheduling.create(fx.scheduling().profile(), fx.clock(), fx.database(), calcom, calcom);
        webhook = new CalcomWebhook(new CalcomSignature(SECRET), uids, scheduling.appointments(),
                scheduling.bookings(), new CalcomChanges() {
                    @Override
                    public void cancelled(Appointment a) {
                        cancelledInCalcom.add(a);
                    }

                    @Override
                    public void moved(Appointment before, Appointment after) {
                        movedInCalcom.add(after);
                    }
                }, fx.clock(), fx.scheduling().profile().timezone(), calcom.slots());
    }

    /** Tuesday at {@code hour:minute} in the business's timezone. */
    Instant at(int hour, int minute) {
        return fx.at(TUESDAY.atTime(hour, minute)).toInstant();
    }

    /** A drain cleaning on Tuesday at {@code at}, booked under {@code phone}. */
    BookingRequest request(LocalTime at, String phone) {
        return new BookingRequest(null, "drain-cleaning", fx.at(TUESDAY.atTime(at)), phone, "Sarah Donnelly",
                "12 Gloucester Road, Bristol BS7 8AE", "kitchen sink blocked", false, SchedulingFixture.TEST_ACTOR);
    }

    static Appointment success(BookingResult result) {
        assertThat(result).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) result).appointment();
    }

    @Override
    public void close() {
        cal.close();
        fx.close();
    }
}

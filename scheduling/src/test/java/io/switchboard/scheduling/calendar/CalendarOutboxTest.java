package io.switchboard.scheduling.calendar;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarOutboxTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 7, 0));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void changesReachTheCalendarInOrderAndAFailureHoldsTheRestBack() {
        Appointment a = booked(fx.scheduling().bookings().book(fx.request("general-repair", TUESDAY.atTime(9, 0), "+447700900123")));
        booked(fx.scheduling().bookings().reschedule(a.id(), fx.at(TUESDAY.atTime(14, 0)), SchedulingFixture.TEST_ACTOR));
        booked(fx.scheduling().bookings().cancel(a.id(), SchedulingFixture.TEST_ACTOR));
        List<String> pushed = new ArrayList<>();
        boolean[] calendarDown = {true};
        CalendarSink sink = change -> {
            if (calendarDown[0] && change.kind().equals("RESCHEDULED")) {
                throw new java.io.IOException("calendar unavailable");
            }
            pushed.add(change.kind());
        };

        CalendarOutbox.DrainResult first = fx.scheduling().calendarOutbox().drain(sink, 10);
        assertThat(first).isEqualTo(new CalendarOutbox.DrainResult(1, true));
        assertThat(pushed).containsExactly("BOOKED");
        assertThat(fx.scheduling().calendarOutbox().pending(10)).extracting(CalendarChange::kind)
                .containsExactly("RESCHEDULED", "CANCELLED");
        assertThat(fx.scheduling().calendarOutbox().pending(10).get(0).attempts()).isEqualTo(1);

        calendarDown[0] = false;
        assertThat(fx.scheduling().calendarOutbox().drain(sink, 10))
                .isEqualTo(new CalendarOutbox.DrainResult(2, false));
        assertThat(pushed).containsExactly("BOOKED", "RESCHEDULED", "CANCELLED");
        assertThat(fx.scheduling().calendarOutbox().pending(10)).isEmpty();
    }

    private static Appointment booked(BookingResult r) {
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment();
    }
}

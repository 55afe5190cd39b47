package io.switchboard.scheduling.booking;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.audit.AuditEntry;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.calendar.CalendarChange;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BookingServiceTest {

    private static final LocalDateTime MONDAY_7AM = LocalDateTime.of(2026, 11, 23, 7, 0);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final String PHONE = "+447700900123";

    private SchedulingFixture fx;
    private BookingService bookings;

    @BeforeEach
    void setUp() {
        fx = new SchedulingFixture(TestProfiles.sample(), MONDAY_7AM);
        bookings = fx.scheduling().bookings();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void bookingStoresTheAppointmentCustomerAuditAndOutbox() {
        BookingRequest req = new BookingRequest("call-1", "drain-cleaning", fx.at(TUESDAY.atTime(10, 0)),
                "07700 900123", "Jane Doe", "12 Park Street, Bristol BS1 5HX", "kitchen sink blocked", false,
                new Actor(Channel.SMS, "session-42"));

        Appointment a = success(bookings.book(req));

        Appointment stored = fx.scheduling().appointments().find(a.id()).orElseThrow();
        assertThat(stored.serviceId()).isEqualTo("drain-cleaning");
        assertThat(stored.slot().start()).isEqualTo(fx.at(TUESDAY.atTime(10, 0)));
        assertThat(stored.slot().end()).isEqualTo(fx.at(TUESDAY.atTime(11, 30)));
        assertThat(stored.customer().phone()).as("E.164 via libphonenumber").isEqualTo(PHONE);
        assertThat(stored.customer().name()).isEqualTo("Jane Doe");
        assertThat(stored.address()).isEqualTo("12 Park Street, Bristol BS1 5HX");
        assertThat(stored.problem()).isEqualTo("kitchen sink blocked");
        assertThat(stored.channel()).isEqualTo(Channel.SMS);
        assertThat(stored.status()).isEqualTo(AppointmentStatus.BOOKED);

        List<AuditEntry> audit = fx.scheduling().audit().forAppointment(a.id());
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("BOOKED");
            assertThat(e.channel()).isEqualTo(Channel.SMS);
            assertThat(e.actor()).isEqualTo("session-42");
            assertThat(e.before()).isNull();
            assertThat(e.after()).contains("drain-cleaning");
        });
        assertThat(fx.scheduling().calendarOutbox().pending(10)).extracting(CalendarChange::kind).containsExactly("BOOKED");
    }

    @Test
    void anEmailGivenIsStoredOnTheCustomerAndKeptWhenALaterBookingGivesNone() {
        Actor actor = new Actor(Channel.SMS, "session-43");
        Appointment first = success(bookings.book(new BookingRequest("mail-1", "drain-cleaning",
                fx.at(TUESDAY.atTime(10, 0)), "07700 900123", "Jane Doe", "12 Park Street, Bristol BS1 5HX",
                "sink blocked", false, actor, " jane.doe@example.com ")));
        assertThat(fx.scheduling().appointments().find(first.id()).orElseThrow().customer().email())
                .isEqualTo("jane.doe@example.com");
        assertThat(first.address()).doesNotContain("@");

        Appointment second = success(bookings.book(new BookingRequest("mail-2", "drain-cleaning",
                fx.at(TUESDAY.atTime(14, 0)), "07700 900123", "Jane Doe", "12 Park Street, Bristol BS1 5HX",
                "tap dripping", false, actor)));
        assertThat(fx.scheduling().appointments().find(second.id()).orElseThrow().customer().email())
                .as("a booking without an email keeps the one on file").isEqualTo("jane.doe@example.com");
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameAppointment() {
        BookingRequest req = withKey(fx.request("general-repair", TUESDAY.atTime(9, 0), PHONE), "retry-key");

        Appointment first = success(bookings.book(req));
        BookingResult second = bookings.book(req);

        assertThat(second).isEqualTo(new BookingResult.Success(first, true));
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
        assertThat(fx.count("select count(*) from audit_log")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        success(bookings.book(withKey(fx.request("general-repair", TUESDAY.atTime(9, 0), PHONE), "k")));

        BookingResult other = bookings.book(withKey(fx.request("general-repair", TUESDAY.atTime(13, 0), PHONE), "k"));

        assertThat(other).isInstanceOfSatisfying(BookingResult.Rejected.class,
                r -> assertThat(r.error()).isEqualTo(BookingError.IDEMPOTENCY_CONFLICT));
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
    }

    @Test
    void aTakenSlotIsRefusedWithTheNearestAlternatives() {
        success(bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 0), PHONE)));

        BookingResult clash = bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 30), "+447700900124"));

        assertThat(clash).isInstanceOfSatisfying(BookingResult.SlotTaken.class, t -> assertThat(t.alternatives())
                .extracting(s -> s.start().toLocalTime())
                .containsExactly(LocalTime.of(11, 30), LocalTime.of(12, 0), LocalTime.of(8, 30)));
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
    }

    @Test
    void rescheduleMovesTheJobAndFreesTheOldSlot() {
        Appointment a = success(bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 0), PHONE)));

        Appointment moved = success(bookings.reschedule(a.id(), fx.at(TUESDAY.atTime(15, 0)), SchedulingFixture.TEST_ACTOR));

        assertThat(moved.id()).isEqualTo(a.id());
        assertThat(fx.scheduling().appointments().find(a.id()).orElseThrow().slot().start()).isEqualTo(fx.at(TUESDAY.atTime(15, 0)));
        assertThat(slotStarts(TUESDAY)).contains(LocalTime.of(10, 0)).doesNotContain(LocalTime.of(15, 0));
        assertThat(success(bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 0), "+447700900124"))).id())
                .isNotEqualTo(a.id());
        assertThat(fx.scheduling().audit().forAppointment(a.id())).extracting(AuditEntry::action)
                .containsExactly("BOOKED", "RESCHEDULED");
        assertThat(fx.scheduling().audit().forAppointment(a.id()).get(1).before()).contains("10:00");
    }

    @Test
    void rescheduleMayOverlapItsOwnOldSlot() {
        Appointment a = success(bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 0), PHONE)));

        Appointment moved = success(bookings.reschedule(a.id(), fx.at(TUESDAY.atTime(10, 30)), SchedulingFixture.TEST_ACTOR));

        assertThat(moved.slot().start().toLocalTime()).isEqualTo(LocalTime.of(10, 30));
    }

    @Test
    void rescheduleOntoAnotherJobIsRefused() {
        Appointment a = success(bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 0), PHONE)));
        success(bookings.book(fx.request("general-repair", TUESDAY.atTime(14, 0), "+447700900124")));

        BookingResult r = bookings.reschedule(a.id(), fx.at(TUESDAY.atTime(14, 30)), SchedulingFixture.TEST_ACTOR);

        assertThat(r).isInstanceOf(BookingResult.SlotTaken.class);
        assertThat(fx.scheduling().appointments().find(a.id()).orElseThrow().slot().start().toLocalTime())
                .isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void cancelFreesTheSlotAndIsIdempotent() {
        Appointment a = success(bookings.book(fx.request("general-repair", TUESDAY.atTime(10, 0), PHONE)));

        BookingResult first = bookings.cancel(a.id(), SchedulingFixture.TEST_ACTOR);
        BookingResult again = bookings.cancel(a.id(), SchedulingFixture.TEST_ACTOR);

        assertThat(success(first).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(again).isInstanceOfSatisfying(BookingResult.Success.class, s -> assertThat(s.replayed()).isTrue());
        assertThat(slotStarts(TUESDAY)).contains(LocalTime.of(10, 0));
        assertThat(fx.count("select booked from day_booking_count where local_day = date '2026-11-24'")).isZero();
        assertThat(bookings.reschedule(a.id(), fx.at(TUESDAY.atTime(12, 0)), SchedulingFixture.TEST_ACTOR))
                .isInstanceOfSatisfying(BookingResult.Rejected.class,
                        r -> assertThat(r.error()).isEqualTo(BookingError.ALREADY_CANCELLED));
    }

    @Test
    void unknownAppointmentsAreNotFound() {
        assertThat(bookings.cancel(UUID.randomUUID(), SchedulingFixture.TEST_ACTOR))
                .isInstanceOfSatisfying(BookingResult.Rejected.class, r -> assertThat(r.error()).isEqualTo(BookingError.NOT_FOUND));
        assertThat(bookings.reschedule(UUID.randomUUID(), fx.at(TUESDAY.atTime(9, 0)), SchedulingFixture.TEST_ACTOR))
                .isInstanceOfSatisfying(BookingResult.Rejected.class, r -> assertThat(r.error()).isEqualTo(BookingError.NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "UNKNOWN_SERVICE, gas-fitting,    2026-11-24T10:00, +447700900123",
            "INVALID_PHONE,   general-repair, 2026-11-24T10:00, 12345",
            "INVALID_PHONE,   general-repair, 2026-11-24T10:00, call me maybe",
            "IN_THE_PAST,     general-repair, 2026-11-20T10:00, +447700900123",
            "TOO_SOON,        general-repair, 2026-11-23T08:00, +447700900123",
            "OUTSIDE_HOURS,   general-repair, 2026-11-24T17:30, +447700900123",
            "OUTSIDE_HOURS,   general-repair, 2026-11-24T06:00, +447700900123",
            "OUTSIDE_HOURS,   general-repair, 2026-11-29T10:00, +447700900123",
            "BLACKOUT,        general-repair, 2026-12-25T10:00, +447700900123",
            "BEYOND_HORIZON,  general-repair, 2027-03-01T10:00, +447700900123",
    })
    void badInputGetsATypedErrorAndStoresNothing(BookingError expected, String service, LocalDateTime start, String phone) {
        BookingResult r = bookings.book(fx.request(service, start, phone));

        assertThat(r).isInstanceOfSatisfying(BookingResult.Rejected.class, rej -> assertThat(rej.error()).isEqualTo(expected));
        assertThat(fx.count("select count(*) from appointment")).isZero();
        assertThat(fx.count("select count(*) from customer")).isZero();
        assertThat(fx.count("select count(*) from audit_log")).isZero();
    }

    @Test
    void aMissingStartIsATypedError() {
        BookingRequest noStart = new BookingRequest(null, "general-repair", null, PHONE, "A", "B", "C", false,
                SchedulingFixture.TEST_ACTOR);

        assertThat(bookings.book(noStart)).isInstanceOfSatisfying(BookingResult.Rejected.class,
                r -> assertThat(r.error()).isEqualTo(BookingError.MISSING_FIELD));
    }

    @Test
    void customerLookupFindsUpcomingBookingsByPhone() {
        Appointment later = success(bookings.book(fx.request("general-repair", TUESDAY.plusDays(1).atTime(9, 0), PHONE)));
        Appointment sooner = success(bookings.book(fx.request("drain-cleaning", TUESDAY.atTime(9, 0), PHONE)));
        success(bookings.book(fx.request("general-repair", TUESDAY.atTime(14, 0), "+447700900555")));

        assertThat(fx.scheduling().appointments().bookedForPhone(PHONE, fx.clock().instant()))
                .extracting(Appointment::id).containsExactly(sooner.id(), later.id());
    }

    private List<LocalTime> slotStarts(LocalDate day) {
        List<LocalTime> out = new ArrayList<>();
        fx.scheduling().availability().findSlots(SlotQuery.on("general-repair", day, 50))
                .forEach(s -> out.add(s.start().toLocalTime()));
        return out;
    }

    static Appointment success(BookingResult r) {
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment();
    }

    private static BookingRequest withKey(BookingRequest r, String key) {
        return new BookingRequest(key, r.serviceId(), r.start(), r.phone(), r.name(), r.address(), r.problem(),
                r.emergency(), r.actor());
    }
}

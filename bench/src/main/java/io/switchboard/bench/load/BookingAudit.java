package io.switchboard.bench.load;

import java.util.List;
import java.util.Locale;

/**
 * Decides which calls of a level ended with the right booking, from the calendar the server's API returns: the
 * conversation completed, and exactly one appointment holds a slot for the caller's number, for the service asked for
 * (a general repair), in the caller's name, taken by voice, and overlapping no other appointment.
 *
 * <p>When the caller asked for a slot of its own ({@link SlotPlan}), the booking must be in that slot: a misheard
 * hour that books another one is not right. The overlap check is what catches a double booking.
 */
final class BookingAudit {

    static final String SERVICE = "general-repair";
    static final String NAME = "john smith";

    private final List<BookedAppointment> calendar;
    private final java.time.ZoneId zone;
    private final String name;

    /** @param zone the business's time zone, in which callers' slots are said */
    BookingAudit(java.time.ZoneId zone, List<BookedAppointment> calendar) {
        this(zone, calendar, NAME);
    }

    /** @param name the name the callers give, lower case */
    BookingAudit(java.time.ZoneId zone, List<BookedAppointment> calendar, String name) {
        this.name = name;
        this.calendar = List.copyOf(calendar);
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    boolean rightBooking(CallOutcome call) {
        if (!call.conversationCompleted()) {
            return false;
        }
        List<BookedAppointment> mine = calendar.stream()
                .filter(a -> a.holdsSlot() && a.phone().equals(call.phone())).toList();
        if (mine.size() != 1) {
            return false;
        }
        BookedAppointment a = mine.get(0);
        boolean slotAsked = call.slot() == null
                || a.start().atZoneSameInstant(zone).toLocalDateTime().equals(call.slot().start());
        return slotAsked && a.service().equals(SERVICE) && a.name().toLowerCase(Locale.ROOT).equals(name)
                && a.channel().equals("voice") && overlapping(a) == 0;
    }

    /** Pairs of slot-holding appointments that overlap: double bookings. */
    int doubleBookings() {
        List<BookedAppointment> held = calendar.stream().filter(BookedAppointment::holdsSlot).toList();
        int pairs = 0;
        for (int i = 0; i < held.size(); i++) {
            for (int j = i + 1; j < held.size(); j++) {
                if (held.get(i).overlaps(held.get(j))) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    private long overlapping(BookedAppointment a) {
        return calendar.stream().filter(o -> o != a && o.holdsSlot() && o.overlaps(a)).count();
    }
}

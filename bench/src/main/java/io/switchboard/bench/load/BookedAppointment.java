package io.switchboard.bench.load;

import java.time.OffsetDateTime;

/**
 * One appointment as {@code GET /v1/appointments} lists it (only what the load check needs).
 *
 * @param status  {@code booked} or {@code cancelled}
 * @param channel {@code voice}, {@code sms}, ...
 */
public record BookedAppointment(String id, String service, OffsetDateTime start, OffsetDateTime end, String status,
                                String name, String phone, String channel) {

    /** Whether it holds its slot on the calendar. */
    public boolean holdsSlot() {
        return "booked".equals(status);
    }

    /** Whether the two share any moment (back-to-back is not an overlap). */
    public boolean overlaps(BookedAppointment other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}

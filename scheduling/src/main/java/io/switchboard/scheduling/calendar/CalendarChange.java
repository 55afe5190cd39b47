package io.switchboard.scheduling.calendar;

import java.util.UUID;

/**
 * A change waiting to be pushed to an external calendar.
 *
 * @param kind    BOOKED, RESCHEDULED or CANCELLED
 * @param payload JSON snapshot of the appointment after the change
 */
public record CalendarChange(long id, UUID appointmentId, String kind, String payload, int attempts) {
}

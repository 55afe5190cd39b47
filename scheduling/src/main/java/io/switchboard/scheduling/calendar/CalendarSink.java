package io.switchboard.scheduling.calendar;

/**
 * An external calendar (Google, Outlook, CalDAV...) that mirrors bookings. Implementations may block and may
 * fail; the {@link CalendarOutbox} retries, so {@code push} must be idempotent per change id.
 */
public interface CalendarSink {

    void push(CalendarChange change) throws Exception;
}

package io.switchboard.scheduling.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import io.switchboard.scheduling.calendar.CalendarChange;
import io.switchboard.scheduling.calendar.CalendarSink;

import java.io.IOException;

/**
 * Mirrors booking changes to Google Calendar: a booking inserts the event, a reschedule updates it, a cancellation
 * deletes it. The event id is derived from the appointment id, so every push is idempotent: an insert answered
 * 409 (the event exists, perhaps from a push whose answer was lost) becomes an update, an update of a missing
 * event becomes an insert, and deleting what is already gone is done.
 */
public final class GoogleCalendarSink implements CalendarSink {

    private final Calendar calendar;
    private final String calendarId;
    private final AppointmentEvents events;

    public GoogleCalendarSink(GoogleCalendarApi api, AppointmentEvents events) {
        this.calendar = api.client();
        this.calendarId = api.calendarId();
        this.events = events;
    }

    @Override
    public void push(CalendarChange change) throws IOException {
        String eventId = EventIds.of(change.appointmentId());
        switch (change.kind()) {
            case "BOOKED" -> insertOrUpdate(eventId, events.event(change.payload()));
            case "RESCHEDULED" -> updateOrInsert(eventId, events.event(change.payload()));
            case "CANCELLED" -> delete(eventId);
            default -> throw new IllegalArgumentException("unknown calendar change '" + change.kind() + "'");
        }
    }

    private void insertOrUpdate(String eventId, Event event) throws IOException {
        try {
            calendar.events().insert(calendarId, event).execute();
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() != 409) {
                throw e;
            }
            calendar.events().update(calendarId, eventId, event).execute();
        }
    }

    private void updateOrInsert(String eventId, Event event) throws IOException {
        try {
            calendar.events().update(calendarId, eventId, event).execute();
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            calendar.events().insert(calendarId, event).execute();
        }
    }

    private void delete(String eventId) throws IOException {
        try {
            calendar.events().delete(calendarId, eventId).execute();
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() != 404 && e.getStatusCode() != 410) {
                throw e;
            }
        }
    }
}

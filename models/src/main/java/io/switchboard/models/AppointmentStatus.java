package io.switchboard.models;

/** Lifecycle of an appointment. A rescheduled appointment keeps its id and stays BOOKED. */
public enum AppointmentStatus {
    BOOKED,
    CANCELLED;

    /** Whether the appointment holds its slot on the calendar. */
    public boolean holdsSlot() {
        return this == BOOKED;
    }
}

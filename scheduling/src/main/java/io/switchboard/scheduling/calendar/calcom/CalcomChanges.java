package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.Appointment;

/** Told of each booking that a change made in Cal.com cancelled or moved, e.g. to text the customer. */
public interface CalcomChanges {

    CalcomChanges NONE = new CalcomChanges() {
    };

    default void cancelled(Appointment cancelled) {
    }

    default void moved(Appointment before, Appointment after) {
    }
}

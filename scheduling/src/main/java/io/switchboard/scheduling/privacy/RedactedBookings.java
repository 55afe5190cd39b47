package io.switchboard.scheduling.privacy;

import java.util.List;
import java.util.UUID;

/**
 * What redacting one customer changed.
 *
 * @param appointments   the bookings that now are stubs (service, time, status, channel kept)
 * @param customerRemoved whether a customer row was deleted (false when none was stored)
 */
public record RedactedBookings(List<UUID> appointments, boolean customerRemoved) {

    public RedactedBookings {
        appointments = List.copyOf(appointments);
    }

    public boolean changedAnything() {
        return customerRemoved || !appointments.isEmpty();
    }
}

package io.switchboard.models;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A booked (or cancelled) job on the business's calendar.
 *
 * @param id        stable id; a reschedule keeps it
 * @param serviceId the {@link ServiceType#id()}
 * @param slot      when the job takes place (without the buffer that follows it)
 * @param status    booked or cancelled
 * @param customer  who booked it
 * @param address   where the job is
 * @param problem   short description in the caller's words
 * @param emergency whether it was flagged as an emergency
 * @param channel   the channel it was booked through
 * @param createdAt when it was first booked
 */
public record Appointment(UUID id, String serviceId, TimeSlot slot, AppointmentStatus status, Customer customer,
                          String address, String problem, boolean emergency, Channel channel, Instant createdAt) {

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        address = address == null ? "" : address;
        problem = problem == null ? "" : problem;
    }
}

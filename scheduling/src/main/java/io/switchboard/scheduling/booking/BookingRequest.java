package io.switchboard.scheduling.booking;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A request to book a job.
 *
 * @param idempotencyKey the same key on a retry returns the first result instead of booking twice; may be null
 * @param serviceId      which service
 * @param start          when the job starts
 * @param phone          the customer's phone as given (normalised to E.164 here)
 * @param name           the customer's name
 * @param address        where the job is
 * @param problem        short description in the caller's words
 * @param emergency      flagged as an emergency
 * @param actor          who asked, for the audit log
 * @param email          an email address the customer gave, stored on the customer; empty when none
 */
public record BookingRequest(String idempotencyKey, String serviceId, ZonedDateTime start, String phone, String name,
                             String address, String problem, boolean emergency, Actor actor, String email) {

    /** A request without an email address. */
    public BookingRequest(String idempotencyKey, String serviceId, ZonedDateTime start, String phone, String name,
                          String address, String problem, boolean emergency, Actor actor) {
        this(idempotencyKey, serviceId, start, phone, name, address, problem, emergency, actor, "");
    }

    public BookingRequest {
        Objects.requireNonNull(actor, "actor");
        name = name == null ? "" : name.strip();
        address = address == null ? "" : address.strip();
        problem = problem == null ? "" : problem.strip();
        email = email == null ? "" : email.strip();
    }
}

package io.switchboard.scheduling.calendar.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.AppointmentStore;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.booking.BookingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Cal.com's booking webhooks: a cancellation or a move made in Cal.com reaches our booking, audited as done by the
 * owner via Cal.com. Changes are applied without calling Cal.com back (it made them). Echoes of our own changes
 * arrive too and are answered as replays. Blocks on JDBC: call it from a worker thread.
 */
public final class CalcomWebhook {

    /** The audit reference of a change made in Cal.com. */
    public static final String VIA_CALCOM = "owner via Cal.com";
    private static final Logger LOG = LoggerFactory.getLogger(CalcomWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor ACTOR = new Actor(Channel.WEB, VIA_CALCOM);

    private final CalcomSignature signature;
    private final CalcomBookings calcom;
    private final AppointmentStore appointments;
    private final BookingService mirror;
    private final CalcomChanges changes;
    private final Clock clock;
    private final ZoneId zone;
    private final CalcomSlotCache slots;

    /**
     * @param bookings the booking service; changes are applied through its copy without the Cal.com authority
     * @param slots    the kept slots, forgotten on every authentic delivery
     */
    public CalcomWebhook(CalcomSignature signature, CalcomBookings calcom, AppointmentStore appointments,
                         BookingService bookings, CalcomChanges changes, Clock clock, ZoneId zone,
                         CalcomSlotCache slots) {
        this.slots = slots;
        this.signature = signature;
        this.calcom = calcom;
        this.appointments = appointments;
        this.mirror = bookings.withoutSlotAuthority();
        this.changes = changes;
        this.clock = clock;
        this.zone = zone;
    }

    /** What became of one delivery. */
    public sealed interface Outcome {
        /** The signature does not match: nothing was read or changed (answer 401). */
        record Forged() implements Outcome {
        }

        /** Signed but not a booking event we can read (answer 400). */
        record Malformed(String reason) implements Outcome {
        }

        /** Read; nothing to change (another trigger, a booking not ours, an echo). */
        record Ignored(String reason) implements Outcome {
        }

        /** Our booking was cancelled or moved. */
        record Applied(UUID appointmentId, String trigger) implements Outcome {
        }
    }

    public Outcome handle(byte[] body, String signatureHeader) {
        if (!signature.matches(body, signatureHeader)) {
            LOG.warn("Cal.com webhook refused: {} does not match the body", CalcomSignature.HEADER);
            return new Outcome.Forged();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return malformed("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return malformed("body is not a JSON object");
        }
        // Any authentic delivery, even one we do not act on (a booking made in Cal.com), may change its slots.
        slots.forgetAll();
        String trigger = root.path("triggerEvent").asText("");
        JsonNode payload = root.path("payload");
        return switch (trigger) {
            case "BOOKING_CANCELLED" -> cancelled(payload);
            case "BOOKING_RESCHEDULED" -> rescheduled(payload);
            case "" -> malformed("no triggerEvent");
            default -> new Outcome.Ignored("trigger " + trigger + " is not handled");
        };
    }

    private Outcome cancelled(JsonNode payload) {
        String uid = payload.path("uid").asText("");
        if (uid.isEmpty()) {
            return malformed("BOOKING_CANCELLED without payload.uid");
        }
        Optional<UUID> id = appointment(payload, uid);
        if (id.isEmpty()) {
            return new Outcome.Ignored("booking is not one of ours");
        }
        BookingResult result = mirror.cancel(id.get(), ACTOR);
        if (result instanceof BookingResult.Success s) {
            if (s.replayed()) {
                return new Outcome.Ignored("already cancelled");
            }
            LOG.info("appointment {} cancelled via Cal.com", id.get());
            changes.cancelled(s.appointment());
            return new Outcome.Applied(id.get(), "BOOKING_CANCELLED");
        }
        return new Outcome.Ignored("cancel refused: " + result);
    }

    private Outcome rescheduled(JsonNode payload) {
        String uid = payload.path("uid").asText("");
        String from = payload.path("rescheduleUid").asText(payload.path("fromReschedule").asText(""));
        ZonedDateTime start;
        try {
            start = OffsetDateTime.parse(payload.path("startTime").asText("")).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            return malformed("BOOKING_RESCHEDULED without a readable payload.startTime");
        }
        if (uid.isEmpty()) {
            return malformed("BOOKING_RESCHEDULED without payload.uid");
        }
        Optional<UUID> id = from.isEmpty() ? Optional.empty() : calcom.appointmentOf(from);
        id = id.isPresent() ? id : appointment(payload, uid);
        if (id.isEmpty()) {
            return new Outcome.Ignored("booking is not one of ours");
        }
        Optional<Appointment> before = appointments.find(id.get());
        BookingResult result = mirror.reschedule(id.get(), start, ACTOR);
        if (!(result instanceof BookingResult.Success s)) {
            // Cal.com moved it onto time we have given to someone else (or outside our rules): the owner decides.
            LOG.warn("appointment {} moved in Cal.com but not here: {}", id.get(), result.getClass().getSimpleName());
            return new Outcome.Ignored("move refused here: " + result.getClass().getSimpleName());
        }
        calcom.put(id.get(), uid, clock.instant());
        if (s.replayed()) {
            return new Outcome.Ignored("already at that time");
        }
        LOG.info("appointment {} moved via Cal.com", id.get());
        before.ifPresent(b -> changes.moved(b, s.appointment()));
        return new Outcome.Applied(id.get(), "BOOKING_RESCHEDULED");
    }

    /** Our appointment for Cal.com booking {@code uid}: by the uid we stored, else by the id in its metadata. */
    private Optional<UUID> appointment(JsonNode payload, String uid) {
        Optional<UUID> byUid = calcom.appointmentOf(uid);
        if (byUid.isPresent()) {
            return byUid;
        }
        String meta = payload.path("metadata").path(CalcomApi.APPOINTMENT_KEY).asText("");
        try {
            return meta.isEmpty() ? Optional.empty()
                    : Optional.of(UUID.fromString(meta)).filter(i -> appointments.find(i).isPresent());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Outcome malformed(String reason) {
        LOG.warn("Cal.com webhook refused: {}", reason);
        return new Outcome.Malformed(reason);
    }
}

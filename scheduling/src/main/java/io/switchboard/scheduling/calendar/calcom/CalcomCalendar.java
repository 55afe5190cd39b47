package io.switchboard.scheduling.calendar.calcom;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.availability.SlotSource;
import io.switchboard.scheduling.booking.SlotAuthority;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Cal.com behind the booking seam: its slots narrow what is offered, and it must accept each booking and move
 * before PostgreSQL stores it. Services without an event type are booked here alone. Slots are kept briefly
 * ({@link CalcomSlotCache}); every booking, move and compensation here forgets the days it touched, whatever Cal.com
 * answered.
 */
public final class CalcomCalendar implements SlotAuthority, SlotSource {

    private static final Logger LOG = LoggerFactory.getLogger(CalcomCalendar.class);
    /** Cal.com requires an attendee e-mail; a customer who gave none gets an address that can never deliver. */
    private static final String NO_EMAIL_DOMAIN = "@no-email.invalid";

    private final CalcomSettings settings;
    private final CalcomApi api;
    private final CalcomBookings bookings;
    private final Clock clock;
    private final ZoneId zone;
    private final CalcomSlotCache slots;

    public CalcomCalendar(CalcomSettings settings, CalcomApi api, CalcomBookings bookings, Clock clock, ZoneId zone) {
        this(settings, api, bookings, clock, zone, CalcomSlotCache.DEFAULT_TTL);
    }

    /** @param slotTtl how long Cal.com's slots are trusted for an offer ({@link Duration#ZERO}: asked every time) */
    public CalcomCalendar(CalcomSettings settings, CalcomApi api, CalcomBookings bookings, Clock clock, ZoneId zone,
                          Duration slotTtl) {
        this.settings = settings;
        this.api = api;
        this.bookings = bookings;
        this.clock = clock;
        this.zone = zone;
        this.slots = new CalcomSlotCache(clock, slotTtl, zone);
    }

    /** The slot cache, for what else changes Cal.com (its webhook, the outbox's cancellations) to invalidate. */
    public CalcomSlotCache slots() {
        return slots;
    }

    /** The calendar outbox's sink: cancellations reach Cal.com, and the slots they free are asked for again. */
    public CalcomCancelSink cancelSink() {
        return new CalcomCancelSink(api, bookings, slots);
    }

    public CalcomSettings settings() {
        return settings;
    }

    public CalcomApi api() {
        return api;
    }

    public CalcomBookings bookings() {
        return bookings;
    }

    @Override
    public Optional<Set<Instant>> openStarts(String serviceId, LocalDate first, LocalDate last) {
        OptionalLong eventType = settings.eventType(serviceId);
        if (eventType.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(slots.starts(eventType.getAsLong(), first, last,
                    (type, from, to) -> api.slots(type, from, to, zone)));
        } catch (CalcomUnavailableException e) {
            // Offering from our own rules is the lesser harm: Cal.com still decides when the caller books.
            LOG.warn("Cal.com slots unavailable, offering from our own rules: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Hold hold(Appointment a) {
        OptionalLong eventType = settings.eventType(a.serviceId());
        if (eventType.isEmpty()) {
            return Hold.NotNeeded.INSTANCE;
        }
        try {
            return hold(api.create(eventType.getAsLong(), a.slot().start().toInstant(), attendee(a), a.id()), a.id(),
                    "booking");
        } finally {
            forget(a); // booked, refused (someone took it) or unknown: the day's slots are asked for again
        }
    }

    @Override
    public Hold move(Appointment current, Appointment moved) {
        Optional<String> uid = bookings.uidOf(current.id());
        if (settings.eventType(current.serviceId()).isEmpty() || uid.isEmpty()) {
            return Hold.NotNeeded.INSTANCE; // booked before Cal.com was switched on, or a service it does not book
        }
        try {
            return hold(api.reschedule(uid.get(), moved.slot().start().toInstant(), "moved by the receptionist"),
                    current.id(), "move");
        } finally {
            forget(current);
            forget(moved);
        }
    }

    @Override
    public void recorded(DSLContext tx, UUID appointmentId, String reference) {
        bookings.put(tx, appointmentId, reference, clock.instant());
    }

    @Override
    public void undo(Appointment appointment, String reference) {
        forget(appointment);
        try {
            api.cancel(reference, "not stored by the receptionist");
            LOG.info("Cal.com booking for appointment {} cancelled: our transaction did not commit", appointment.id());
        } catch (CalcomUnavailableException e) {
            LOG.error("Cal.com booking for appointment {} could not be cancelled after our transaction failed;"
                    + " cancel it in Cal.com: {}", appointment.id(), e.getMessage());
        }
    }

    @Override
    public void undoMove(Appointment moved, Appointment original, String reference) {
        forget(moved);
        forget(original);
        try {
            CalcomApi.Outcome back = api.reschedule(reference, original.slot().start().toInstant(),
                    "move not stored by the receptionist");
            if (back instanceof CalcomApi.Outcome.Booked b) {
                bookings.put(original.id(), b.uid(), clock.instant());
                LOG.info("Cal.com booking for appointment {} moved back: our transaction did not commit", original.id());
                return;
            }
            LOG.error("Cal.com refused to move appointment {} back after our transaction failed", original.id());
        } catch (CalcomUnavailableException e) {
            LOG.error("Cal.com booking for appointment {} could not be moved back after our transaction failed: {}",
                    original.id(), e.getMessage());
        }
    }

    private void forget(Appointment a) {
        settings.eventType(a.serviceId()).ifPresent(type ->
                slots.forget(type, a.slot().start().withZoneSameInstant(zone).toLocalDate()));
    }

    private static Hold hold(CalcomApi.Outcome outcome, UUID appointmentId, String what) {
        return switch (outcome) {
            case CalcomApi.Outcome.Booked b -> new Hold.Held(b.uid());
            case CalcomApi.Outcome.Refused r -> {
                LOG.info("Cal.com refused the {} of appointment {} (HTTP {}): {}", what, appointmentId, r.status(),
                        r.reason());
                yield new Hold.Refused();
            }
        };
    }

    private CalcomApi.Attendee attendee(Appointment a) {
        String name = a.customer().name() == null || a.customer().name().isBlank() ? "Customer" : a.customer().name();
        String email = a.customer().email() == null || a.customer().email().isBlank()
                ? "appointment-" + a.id() + NO_EMAIL_DOMAIN : a.customer().email();
        return new CalcomApi.Attendee(name, email, a.customer().phone(), zone);
    }
}

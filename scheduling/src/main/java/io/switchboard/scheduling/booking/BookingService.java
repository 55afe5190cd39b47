package io.switchboard.scheduling.booking;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Customer;
import io.switchboard.models.ServiceType;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.audit.AuditLog;
import io.switchboard.scheduling.availability.AvailabilityService;
import io.switchboard.scheduling.availability.BookingWindow;
import io.switchboard.scheduling.availability.SlotQuery;
import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Books, moves and cancels jobs. Rules are checked here for clear answers, and enforced again by PostgreSQL
 * (an exclusion constraint over booked ranges, a capped per-day counter) so that no interleaving of concurrent
 * callers can double-book. Every call blocks on JDBC: call it from a worker thread, never an event loop.
 */
public final class BookingService {

    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final int ALTERNATIVES = 3;

    private final BusinessProfile profile;
    private final Clock clock;
    private final DSLContext dsl;
    private final AppointmentStore store;
    private final AvailabilityService availability;
    private final BookingWindow window;
    private final AuditLog audit;
    private final CalendarOutbox outbox;
    private final PhoneNumberNormalizer phones;
    private final SlotAuthority authority;

    public BookingService(BusinessProfile profile, Clock clock, DSLContext dsl, AppointmentStore store,
                          AvailabilityService availability, BookingWindow window, AuditLog audit,
                          CalendarOutbox outbox) {
        this(profile, clock, dsl, store, availability, window, audit, outbox, SlotAuthority.NONE);
    }

    /** With an external calendar ({@code authority}) that must accept each booking and move first. */
    public BookingService(BusinessProfile profile, Clock clock, DSLContext dsl, AppointmentStore store,
                          AvailabilityService availability, BookingWindow window, AuditLog audit,
                          CalendarOutbox outbox, SlotAuthority authority) {
        this.authority = java.util.Objects.requireNonNull(authority, "authority");
        this.profile = profile;
        this.clock = clock;
        this.dsl = dsl;
        this.store = store;
        this.availability = availability;
        this.window = window;
        this.audit = audit;
        this.outbox = outbox;
        this.phones = new PhoneNumberNormalizer(profile.phoneRegion());
    }

    /**
     * This service without the external calendar: for applying changes that were made in that calendar, which
     * must not be sent back to it.
     */
    public BookingService withoutSlotAuthority() {
        return new BookingService(profile, clock, dsl, store, availability, window, audit, outbox);
    }

    public BookingResult book(BookingRequest req) {
        Optional<ServiceType> maybeService = req.serviceId() == null ? Optional.empty() : profile.service(req.serviceId());
        if (maybeService.isEmpty()) {
            return new BookingResult.Rejected(BookingError.UNKNOWN_SERVICE, "unknown service '" + req.serviceId() + "'");
        }
        if (req.start() == null) {
            return new BookingResult.Rejected(BookingError.MISSING_FIELD, "start time is required");
        }
        Optional<String> phone = phones.toE164(req.phone());
        if (phone.isEmpty()) {
            return new BookingResult.Rejected(BookingError.INVALID_PHONE, "not a valid phone number");
        }
        ServiceType service = maybeService.get();
        String fingerprint = fingerprint(service.id(), req.start().toInstant(), phone.get());
        String key = req.idempotencyKey() == null || req.idempotencyKey().isBlank() ? null : req.idempotencyKey();
        if (key != null) {
            Optional<BookingResult> replay = replay(key, fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Optional<BookingWindow.Violation> violation = window.check(req.start(), service.duration());
        if (violation.isPresent()) {
            return reject(violation.get());
        }

        Instant now = clock.instant();
        TimeSlot slot = TimeSlot.of(req.start().withZoneSameInstant(profile.timezone()), service.duration());
        Customer customer = new Customer(phone.get(), req.name(), req.address(), req.email());
        Appointment appointment = new Appointment(UUID.randomUUID(), service.id(), slot, AppointmentStatus.BOOKED,
                customer, req.address(), req.problem(), req.emergency(), req.actor().channel(), now);
        SlotAuthority.Hold hold = authority.hold(appointment);
        if (hold instanceof SlotAuthority.Hold.Refused) {
            return slotTaken(service.id(), req.start());
        }
        String held = hold instanceof SlotAuthority.Hold.Held h ? h.reference() : null;
        boolean stored = false;
        try {
            BookingResult result = dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                store.upsertCustomer(tx, customer, now);
                if (!store.claimDayPlace(tx, store.localDay(appointment), profile.rules().maxBookingsPerDay())) {
                    throw new Rollback(new BookingResult.Rejected(BookingError.DAY_FULL, "no more bookings that day"));
                }
                store.insert(tx, appointment, blockedUntil(slot), key, fingerprint);
                if (held != null) {
                    authority.recorded(tx, appointment.id(), held);
                }
                audit.record(tx, now, "BOOKED", appointment.id(), req.actor().channel(), req.actor().reference(),
                        null, AppointmentJson.of(appointment));
                outbox.append(tx, appointment.id(), "BOOKED", AppointmentJson.of(appointment));
                return new BookingResult.Success(appointment, false);
            });
            stored = true;
            return result;
        } catch (Rollback r) {
            return r.result;
        } catch (DataAccessException e) {
            if (key != null && isConstraint(e)) {
                Optional<BookingResult> replay = replay(key, fingerprint);
                if (replay.isPresent()) {
                    return replay.get(); // a concurrent retry of the same request won
                }
            }
            if (EXCLUSION_VIOLATION.equals(e.sqlState())) {
                return slotTaken(service.id(), req.start());
            }
            throw e;
        } finally {
            if (held != null && !stored) {
                authority.undo(appointment, held); // the external calendar booked, we did not
            }
        }
    }

    /** Moves a booked job to {@code newStart}, keeping its id, service and customer. */
    public BookingResult reschedule(UUID appointmentId, ZonedDateTime newStart, Actor actor) {
        if (appointmentId == null || newStart == null) {
            return new BookingResult.Rejected(BookingError.MISSING_FIELD, "appointment and new start are required");
        }
        Instant now = clock.instant();
        MoveHold moveHold = new MoveHold();
        try {
            BookingResult result = dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Appointment current = store.lockForUpdate(tx, appointmentId).orElseThrow(() -> new Rollback(
                        new BookingResult.Rejected(BookingError.NOT_FOUND, "no such appointment")));
                if (current.status() == AppointmentStatus.CANCELLED) {
                    throw new Rollback(new BookingResult.Rejected(BookingError.ALREADY_CANCELLED, "appointment is cancelled"));
                }
                if (current.slot().start().toInstant().equals(newStart.toInstant())) {
                    return new BookingResult.Success(current, true);
                }
                ServiceType service = profile.service(current.serviceId()).orElseThrow(() -> new Rollback(
                        new BookingResult.Rejected(BookingError.UNKNOWN_SERVICE, "service no longer offered")));
                Optional<BookingWindow.Violation> violation = window.check(newStart, service.duration());
                if (violation.isPresent()) {
                    throw new Rollback(reject(violation.get()));
                }
                TimeSlot slot = TimeSlot.of(newStart.withZoneSameInstant(profile.timezone()), service.duration());
                Appointment moved = new Appointment(current.id(), current.serviceId(), slot, current.status(),
                        current.customer(), current.address(), current.problem(), current.emergency(),
                        current.channel(), current.createdAt());
                LocalDate oldDay = store.localDay(current);
                LocalDate newDay = store.localDay(moved);
                if (!oldDay.equals(newDay)) {
                    store.releaseDayPlace(tx, oldDay);
                    if (!store.claimDayPlace(tx, newDay, profile.rules().maxBookingsPerDay())) {
                        throw new Rollback(new BookingResult.Rejected(BookingError.DAY_FULL, "no more bookings that day"));
                    }
                }
                // Last before our writes, with the row locked: the external calendar moves only what we then store.
                SlotAuthority.Hold hold = authority.move(current, moved);
                if (hold instanceof SlotAuthority.Hold.Refused) {
                    throw new Rollback(slotTaken(current.serviceId(), newStart));
                }
                if (hold instanceof SlotAuthority.Hold.Held h) {
                    moveHold.set(current, moved, h.reference());
                    authority.recorded(tx, current.id(), h.reference());
                }
                store.move(tx, current.id(), slot, blockedUntil(slot), now);
                audit.record(tx, now, "RESCHEDULED", current.id(), actor.channel(), actor.reference(),
                        AppointmentJson.of(current), AppointmentJson.of(moved));
                outbox.append(tx, current.id(), "RESCHEDULED", AppointmentJson.of(moved));
                return new BookingResult.Success(moved, false);
            });
            moveHold.stored();
            return result;
        } catch (Rollback r) {
            return r.result;
        } catch (DataAccessException e) {
            if (EXCLUSION_VIOLATION.equals(e.sqlState())) {
                String serviceId = store.find(appointmentId).map(Appointment::serviceId).orElseThrow(() -> e);
                return slotTaken(serviceId, newStart);
            }
            throw e;
        } finally {
            moveHold.undoUnlessStored(authority);
        }
    }

    /** Cancels a job and frees its slot; cancelling twice is answered with the cancelled appointment. */
    public BookingResult cancel(UUID appointmentId, Actor actor) {
        if (appointmentId == null) {
            return new BookingResult.Rejected(BookingError.MISSING_FIELD, "appointment is required");
        }
        Instant now = clock.instant();
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                Appointment current = store.lockForUpdate(tx, appointmentId).orElseThrow(() -> new Rollback(
                        new BookingResult.Rejected(BookingError.NOT_FOUND, "no such appointment")));
                if (current.status() == AppointmentStatus.CANCELLED) {
                    return new BookingResult.Success(current, true);
                }
                Appointment cancelled = new Appointment(current.id(), current.serviceId(), current.slot(),
                        AppointmentStatus.CANCELLED, current.customer(), current.address(), current.problem(),
                        current.emergency(), current.channel(), current.createdAt());
                store.markCancelled(tx, current.id(), now);
                store.releaseDayPlace(tx, store.localDay(current));
                audit.record(tx, now, "CANCELLED", current.id(), actor.channel(), actor.reference(),
                        AppointmentJson.of(current), AppointmentJson.of(cancelled));
                outbox.append(tx, current.id(), "CANCELLED", AppointmentJson.of(cancelled));
                return new BookingResult.Success(cancelled, false);
            });
        } catch (Rollback r) {
            return r.result;
        }
    }

    private Optional<BookingResult> replay(String key, String fingerprint) {
        return store.findByIdempotencyKey(dsl, key).map(k -> k.fingerprint() != null && k.fingerprint().equals(fingerprint)
                ? new BookingResult.Success(k.appointment(), true)
                : new BookingResult.Rejected(BookingError.IDEMPOTENCY_CONFLICT,
                        "idempotency key was already used for a different booking"));
    }

    private BookingResult slotTaken(String serviceId, ZonedDateTime wanted) {
        LocalDate day = wanted.withZoneSameInstant(profile.timezone()).toLocalDate();
        List<TimeSlot> alternatives = availability.findSlots(
                new SlotQuery(serviceId, day, day.plusDays(7), null, null, null,
                        wanted.withZoneSameInstant(profile.timezone()).toLocalDateTime(), ALTERNATIVES));
        LOG.info("slot taken for {} at {}; offering {} alternatives", serviceId, wanted, alternatives.size());
        return new BookingResult.SlotTaken(alternatives);
    }

    private Instant blockedUntil(TimeSlot slot) {
        return slot.end().toInstant().plus(profile.rules().bufferBetweenJobs());
    }

    private static BookingResult reject(BookingWindow.Violation v) {
        return switch (v) {
            case IN_THE_PAST -> new BookingResult.Rejected(BookingError.IN_THE_PAST, "that time has already passed");
            case TOO_SOON -> new BookingResult.Rejected(BookingError.TOO_SOON, "that is sooner than the minimum notice");
            case BEYOND_HORIZON -> new BookingResult.Rejected(BookingError.BEYOND_HORIZON, "that is too far ahead to book");
            case BLACKOUT -> new BookingResult.Rejected(BookingError.BLACKOUT, "the business is closed that day");
            case OUTSIDE_HOURS -> new BookingResult.Rejected(BookingError.OUTSIDE_HOURS, "the job would fall outside opening hours");
        };
    }

    private static boolean isConstraint(DataAccessException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState()) || EXCLUSION_VIOLATION.equals(e.sqlState());
    }

    private static String fingerprint(String serviceId, Instant start, String phone) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((serviceId + '|' + start + '|' + phone).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** An external move made inside a reschedule's transaction, undone there unless the transaction committed. */
    private static final class MoveHold {
        private Appointment original;
        private Appointment moved;
        private String reference;
        private boolean stored;

        void set(Appointment original, Appointment moved, String reference) {
            this.original = original;
            this.moved = moved;
            this.reference = reference;
        }

        void stored() {
            stored = true;
        }

        void undoUnlessStored(SlotAuthority authority) {
            if (reference != null && !stored) {
                authority.undoMove(moved, original, reference);
            }
        }
    }

    /** Carries a refusal out of a transaction so the transaction rolls back and nothing is stored. */
    private static final class Rollback extends RuntimeException {
        private final BookingResult result;

        Rollback(BookingResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}

package io.switchboard.scheduling.booking;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.models.Customer;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.availability.BusyTime;
import io.switchboard.scheduling.availability.CalendarView;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.APPOINTMENT;
import static io.switchboard.scheduling.db.Tables.CUSTOMER;
import static io.switchboard.scheduling.db.Tables.DAY_BOOKING_COUNT;

/**
 * Typed SQL over the appointment tables. Methods that take a {@link DSLContext} run inside the caller's
 * transaction; the others use their own connection.
 */
public final class AppointmentStore implements CalendarView {

    private final DSLContext dsl;
    private final ZoneId zone;

    public AppointmentStore(DSLContext dsl, ZoneId zone) {
        this.dsl = dsl;
        this.zone = zone;
    }

    @Override
    public List<BusyTime> busyBetween(Instant from, Instant to) {
        return dsl.select(APPOINTMENT.STARTS_AT, APPOINTMENT.BLOCKED_UNTIL)
                .from(APPOINTMENT)
                .where(APPOINTMENT.STATUS.eq(AppointmentStatus.BOOKED.name()))
                .and(APPOINTMENT.STARTS_AT.lt(utc(to)))
                .and(APPOINTMENT.BLOCKED_UNTIL.gt(utc(from)))
                .fetch(r -> new BusyTime(r.value1().toInstant(), r.value2().toInstant()));
    }

    @Override
    public Map<LocalDate, Integer> bookingsPerDay(LocalDate first, LocalDate last) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        dsl.selectFrom(DAY_BOOKING_COUNT)
                .where(DAY_BOOKING_COUNT.LOCAL_DAY.between(first, last))
                .forEach(r -> counts.put(r.getLocalDay(), r.getBooked()));
        return counts;
    }

    public Optional<Appointment> find(UUID id) {
        return selectAppointments(dsl).where(APPOINTMENT.ID.eq(id)).fetchOptional(this::toAppointment);
    }

    /** Appointments of one customer that start at or after {@code from}, soonest first. */
    public List<Appointment> bookedForPhone(String phoneE164, Instant from) {
        return selectAppointments(dsl)
                .where(APPOINTMENT.CUSTOMER_PHONE.eq(phoneE164))
                .and(APPOINTMENT.STATUS.eq(AppointmentStatus.BOOKED.name()))
                .and(APPOINTMENT.STARTS_AT.ge(utc(from)))
                .orderBy(APPOINTMENT.STARTS_AT)
                .fetch(this::toAppointment);
    }

    /** Booked appointments whose job ({@code [start, end)}, without the buffer) overlaps {@code [from, to)}. */
    public List<Appointment> bookedOverlapping(Instant from, Instant to) {
        return selectAppointments(dsl)
                .where(APPOINTMENT.STATUS.eq(AppointmentStatus.BOOKED.name()))
                .and(APPOINTMENT.STARTS_AT.lt(utc(to)))
                .and(APPOINTMENT.ENDS_AT.gt(utc(from)))
                .orderBy(APPOINTMENT.STARTS_AT)
                .fetch(this::toAppointment);
    }

    /** All appointments (booked and cancelled) starting in {@code [from, to)}, in start order. */
    public List<Appointment> startingBetween(Instant from, Instant to) {
        return selectAppointments(dsl)
                .where(APPOINTMENT.STARTS_AT.ge(utc(from)))
                .and(APPOINTMENT.STARTS_AT.lt(utc(to)))
                .orderBy(APPOINTMENT.STARTS_AT, APPOINTMENT.CREATED_AT)
                .fetch(this::toAppointment);
    }

    /** The stored appointment and the request fingerprint for an idempotency key. */
    Optional<KeyedAppointment> findByIdempotencyKey(DSLContext tx, String key) {
        return selectAppointments(tx)
                .where(APPOINTMENT.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new KeyedAppointment(toAppointment(r), r.get(APPOINTMENT.REQUEST_FINGERPRINT)));
    }

    Optional<Appointment> lockForUpdate(DSLContext tx, UUID id) {
        return selectAppointments(tx).where(APPOINTMENT.ID.eq(id)).forUpdate().of(APPOINTMENT)
                .fetchOptional(this::toAppointment);
    }

    void upsertCustomer(DSLContext tx, Customer c, Instant now) {
        var insert = tx.insertInto(CUSTOMER)
                .set(CUSTOMER.PHONE, c.phone())
                .set(CUSTOMER.NAME, c.name())
                .set(CUSTOMER.ADDRESS, c.address())
                .set(CUSTOMER.EMAIL, c.email())
                .set(CUSTOMER.CREATED_AT, utc(now))
                .set(CUSTOMER.UPDATED_AT, utc(now))
                .onConflict(CUSTOMER.PHONE).doUpdate()
                .set(CUSTOMER.UPDATED_AT, utc(now));
        // Keep what we knew when this request does not say it again.
        if (!c.name().isEmpty()) {
            insert = insert.set(CUSTOMER.NAME, c.name());
        }
        if (!c.address().isEmpty()) {
            insert = insert.set(CUSTOMER.ADDRESS, c.address());
        }
        if (!c.email().isEmpty()) {
            insert = insert.set(CUSTOMER.EMAIL, c.email());
        }
        insert.execute();
    }

    /**
     * Takes one of the day's places, holding the day's counter row until commit.
     *
     * @return false when the day already has {@code max} bookings
     */
    boolean claimDayPlace(DSLContext tx, LocalDate day, int max) {
        return tx.insertInto(DAY_BOOKING_COUNT)
                .set(DAY_BOOKING_COUNT.LOCAL_DAY, day)
                .set(DAY_BOOKING_COUNT.BOOKED, 1)
                .onConflict(DAY_BOOKING_COUNT.LOCAL_DAY).doUpdate()
                .set(DAY_BOOKING_COUNT.BOOKED, DAY_BOOKING_COUNT.BOOKED.plus(1))
                .where(DAY_BOOKING_COUNT.BOOKED.lt(max))
                .execute() == 1;
    }

    void releaseDayPlace(DSLContext tx, LocalDate day) {
        tx.update(DAY_BOOKING_COUNT)
                .set(DAY_BOOKING_COUNT.BOOKED, DAY_BOOKING_COUNT.BOOKED.minus(1))
                .where(DAY_BOOKING_COUNT.LOCAL_DAY.eq(day))
                .and(DAY_BOOKING_COUNT.BOOKED.gt(0))
                .execute();
    }

    void insert(DSLContext tx, Appointment a, Instant blockedUntil, String idempotencyKey, String fingerprint) {
        tx.insertInto(APPOINTMENT)
                .set(APPOINTMENT.ID, a.id())
                .set(APPOINTMENT.SERVICE_ID, a.serviceId())
                .set(APPOINTMENT.STARTS_AT, utc(a.slot().start().toInstant()))
                .set(APPOINTMENT.ENDS_AT, utc(a.slot().end().toInstant()))
                .set(APPOINTMENT.BLOCKED_UNTIL, utc(blockedUntil))
                .set(APPOINTMENT.LOCAL_DAY, localDay(a))
                .set(APPOINTMENT.STATUS, a.status().name())
                .set(APPOINTMENT.CUSTOMER_PHONE, a.customer().phone())
                .set(APPOINTMENT.ADDRESS, a.address())
                .set(APPOINTMENT.PROBLEM, a.problem())
                .set(APPOINTMENT.EMERGENCY, a.emergency())
                .set(APPOINTMENT.CHANNEL, a.channel().name())
                .set(APPOINTMENT.IDEMPOTENCY_KEY, idempotencyKey)
                .set(APPOINTMENT.REQUEST_FINGERPRINT, fingerprint)
                .set(APPOINTMENT.CREATED_AT, utc(a.createdAt()))
                .set(APPOINTMENT.UPDATED_AT, utc(a.createdAt()))
                .execute();
    }

    void move(DSLContext tx, UUID id, TimeSlot slot, Instant blockedUntil, Instant now) {
        tx.update(APPOINTMENT)
                .set(APPOINTMENT.STARTS_AT, utc(slot.start().toInstant()))
                .set(APPOINTMENT.ENDS_AT, utc(slot.end().toInstant()))
                .set(APPOINTMENT.BLOCKED_UNTIL, utc(blockedUntil))
                .set(APPOINTMENT.LOCAL_DAY, slot.start().withZoneSameInstant(zone).toLocalDate())
                .set(APPOINTMENT.UPDATED_AT, utc(now))
                .where(APPOINTMENT.ID.eq(id))
                .execute();
    }

    void markCancelled(DSLContext tx, UUID id, Instant now) {
        tx.update(APPOINTMENT)
                .set(APPOINTMENT.STATUS, AppointmentStatus.CANCELLED.name())
                .set(APPOINTMENT.UPDATED_AT, utc(now))
                .where(APPOINTMENT.ID.eq(id))
                .execute();
    }

    LocalDate localDay(Appointment a) {
        return a.slot().start().withZoneSameInstant(zone).toLocalDate();
    }

    private static org.jooq.SelectJoinStep<Record> selectAppointments(DSLContext ctx) {
        return ctx.select(APPOINTMENT.fields()).select(CUSTOMER.NAME, CUSTOMER.EMAIL)
                .from(APPOINTMENT.join(CUSTOMER).on(CUSTOMER.PHONE.eq(APPOINTMENT.CUSTOMER_PHONE)));
    }

    private Appointment toAppointment(Record r) {
        return new Appointment(
                r.get(APPOINTMENT.ID),
                r.get(APPOINTMENT.SERVICE_ID),
                new TimeSlot(r.get(APPOINTMENT.STARTS_AT).atZoneSameInstant(zone),
                        r.get(APPOINTMENT.ENDS_AT).atZoneSameInstant(zone)),
                AppointmentStatus.valueOf(r.get(APPOINTMENT.STATUS)),
                new Customer(r.get(APPOINTMENT.CUSTOMER_PHONE), r.get(CUSTOMER.NAME), r.get(APPOINTMENT.ADDRESS),
                        r.get(CUSTOMER.EMAIL)),
                r.get(APPOINTMENT.ADDRESS),
                r.get(APPOINTMENT.PROBLEM),
                r.get(APPOINTMENT.EMERGENCY),
                Channel.valueOf(r.get(APPOINTMENT.CHANNEL)),
                r.get(APPOINTMENT.CREATED_AT).toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    record KeyedAppointment(Appointment appointment, String fingerprint) {
    }

}

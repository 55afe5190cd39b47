package io.switchboard.scheduling.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.AppointmentStore;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.booking.BookingService;
import io.switchboard.scheduling.calendar.CalendarFlags;
import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.calendar.ImportedBusyTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.CALENDAR_SYNC_STATE;

/**
 * Pulls the owner's calendar into {@code calendar_busy}: the first pass lists every event, later passes only what
 * changed since the stored {@code nextSyncToken}; a 410 Gone (the token expired) forgets what was imported and
 * lists everything again. Pages are followed to the end, and the new token and the busy time it describes commit
 * in one transaction, so a crash mid-pull repeats the pull rather than losing changes.
 *
 * <p>Recurring series are expanded by Google ({@code events.instances}) from now to the booking horizon, on the
 * first pull and whenever the series or one of its occurrences changes.
 *
 * <p>One instance pulls at a time: the calendar's {@code calendar_sync_state} row is locked for the pass, and an
 * instance that finds it locked skips its turn.
 *
 * <p>When the owner deletes one of our events, the booking is cancelled; when they move it, the booking moves with
 * it if the new time is one it can take (audit actor {@value #OWNER_VIA_CALENDAR}), and otherwise stays where it is
 * and the owner is flagged. A busy event of the owner's that overlaps a booking leaves both in place and flags the
 * booking to the owner: a customer is never moved silently. Flags are raised once ({@link CalendarFlags}). While a
 * change of ours to an event still waits in the outbox, what the calendar shows of it is stale and is not followed.
 */
public final class GoogleCalendarPull {

    /** The audit log's actor for changes the owner made in their calendar. */
    public static final String OWNER_VIA_CALENDAR = "owner via Google Calendar";
    private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendarPull.class);
    private static final int PAGE_SIZE = 250;

    private final Calendar calendar;
    private final String calendarId;
    private final DSLContext dsl;
    private final Clock clock;
    private final EventBusyTime busy;
    private final ZoneId zone;
    private final AppointmentStore appointments;
    private final BookingService bookings;
    private final OwnerCalendarChanges listener;
    private final Duration lookAhead;

    /**
     * @param lookAhead how far ahead recurring events are expanded: the booking horizon
     */
    public GoogleCalendarPull(GoogleCalendarApi api, DSLContext dsl, Clock clock, ZoneId zone, Duration lookAhead,
                              AppointmentStore appointments, BookingService bookings,
                              OwnerCalendarChanges listener) {
        this.lookAhead = lookAhead;
        this.calendar = api.client();
        this.calendarId = api.calendarId();
        this.dsl = dsl;
        this.clock = clock;
        this.busy = new EventBusyTime(zone);
        this.zone = zone;
        this.appointments = appointments;
        this.bookings = bookings;
        this.listener = listener;
    }

    /**
     * One pull.
     *
     * @throws UncheckedIOException when Google could not be reached or refused (the next pass tries again)
     */
    public PullResult pullOnce() {
        PullResult result = dsl.transactionResult(cfg -> pull(DSL.using(cfg)));
        for (UUID id : result.deletedByOwner()) {
            cancelForOwner(id);
        }
        for (OwnerMove move : result.movedByOwner()) {
            followMove(move);
        }
        for (Overlap o : result.overlaps()) {
            appointments.find(o.appointmentId()).ifPresent(a -> listener.overlaps(a, o.busyStart(), o.busyEnd()));
        }
        return result;
    }

    private PullResult pull(DSLContext tx) {
        tx.insertInto(CALENDAR_SYNC_STATE).set(CALENDAR_SYNC_STATE.CALENDAR_ID, calendarId)
                .onConflictDoNothing().execute();
        var state = tx.selectFrom(CALENDAR_SYNC_STATE)
                .where(CALENDAR_SYNC_STATE.CALENDAR_ID.eq(calendarId))
                .forUpdate().skipLocked()
                .fetchOptional();
        if (state.isEmpty()) {
            return PullResult.SKIPPED;
        }
        String token = state.get().getSyncToken();
        boolean full = token == null;
        Listing listing;
        try {
            listing = full ? list(null) : listOrGone(token);
            if (listing == null) {
                LOG.info("calendar sync token expired (410 Gone): full resync");
                full = true;
                listing = list(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Google Calendar pull failed", e);
        }
        if (full) {
            ImportedBusyTime.clear(tx, calendarId);
        }
        List<UUID> deletedByOwner = new ArrayList<>();
        List<OwnerMove> moved = new ArrayList<>();
        Instant now = clock.instant();
        Set<String> series = new LinkedHashSet<>();
        Map<String, List<ImportedBusyTime.Block>> busyNow = new LinkedHashMap<>();
        for (Event e : listing.events()) {
            if (e.getRecurringEventId() != null) {
                series.add(e.getRecurringEventId()); // one occurrence moved or deleted: expand its series again
            } else if (e.getRecurrence() != null && !"cancelled".equals(e.getStatus())) {
                series.add(e.getId());
            } else {
                List<ImportedBusyTime.Block> blocks = upcoming(busy.blocks(e), now);
                ImportedBusyTime.replace(tx, calendarId, e.getId(), blocks);
                busyNow.put(e.getId(), blocks);
            }
            Optional<UUID> ours = EventIds.appointmentOf(e.getId());
            if (ours.isPresent() && "cancelled".equals(e.getStatus())) {
                if (!full) {
                    deletedByOwner.add(ours.get());
                }
            } else if (ours.isPresent()) {
                startOf(e).ifPresent(start -> moved.add(new OwnerMove(ours.get(), start)));
            }
        }
        for (String master : series) {
            List<ImportedBusyTime.Block> blocks = occurrences(master, now);
            ImportedBusyTime.replace(tx, calendarId, master, blocks);
            busyNow.put(master, blocks);
        }
        List<Overlap> overlaps = newOverlaps(tx, busyNow, now);
        var at = now.atOffset(ZoneOffset.UTC);
        var update = tx.update(CALENDAR_SYNC_STATE)
                .set(CALENDAR_SYNC_STATE.SYNC_TOKEN, listing.nextSyncToken())
                .set(CALENDAR_SYNC_STATE.SYNCED_AT, at);
        if (full) {
            update = update.set(CALENDAR_SYNC_STATE.FULL_SYNCED_AT, at);
        }
        update.where(CALENDAR_SYNC_STATE.CALENDAR_ID.eq(calendarId)).execute();
        return new PullResult(false, full, listing.events().size(), List.copyOf(deletedByOwner), List.copyOf(moved),
                List.copyOf(overlaps));
    }

    /** Bookings that the owner's busy events now overlap and that were not flagged for that event before. */
    private List<Overlap> newOverlaps(DSLContext tx, Map<String, List<ImportedBusyTime.Block>> busyByEvent,
                                      Instant now) {
        List<Overlap> out = new ArrayList<>();
        busyByEvent.forEach((eventId, blocks) -> {
            for (ImportedBusyTime.Block b : blocks) {
                for (Appointment a : appointments.bookedOverlapping(b.start(), b.end())) {
                    if (CalendarFlags.raise(tx, a.id(), CalendarFlags.OVERLAP, eventId + "@" + b.start(), now)) {
                        out.add(new Overlap(a.id(), b.start(), b.end()));
                    }
                }
            }
        });
        return out;
    }

    /** Where a timed event starts; all-day and malformed events have no start a booking could take. */
    private static Optional<Instant> startOf(Event e) {
        if (e.getStart() == null || e.getStart().getDateTime() == null) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(e.getStart().getDateTime().getValue()));
    }

    /**
     * What a recurring series blocks from now to the booking horizon: Google expands the rule (a sync-token
     * listing carries the series, not its occurrences).
     */
    private List<ImportedBusyTime.Block> occurrences(String masterId, Instant now) {
        List<ImportedBusyTime.Block> blocks = new ArrayList<>();
        String page = null;
        try {
            do {
                Events answer = calendar.events().instances(calendarId, masterId)
                        .setTimeMin(new DateTime(now.toEpochMilli()))
                        .setTimeMax(new DateTime(now.plus(lookAhead).toEpochMilli()))
                        .setMaxResults(PAGE_SIZE).setPageToken(page).execute();
                if (answer.getItems() != null) {
                    answer.getItems().forEach(i -> blocks.addAll(upcoming(busy.blocks(i), now)));
                }
                page = answer.getNextPageToken();
            } while (page != null);
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 404 || e.getStatusCode() == 410) {
                return List.of(); // the series is gone
            }
            throw new UncheckedIOException("Google Calendar pull failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Google Calendar pull failed", e);
        }
        return blocks;
    }

    /** What is over can never block an offer: a calendar's history is not kept. */
    private static List<ImportedBusyTime.Block> upcoming(List<ImportedBusyTime.Block> blocks, Instant now) {
        return blocks.stream().filter(b -> b.end().isAfter(now)).toList();
    }

    /** The changes since {@code token}, or null when Google says the token is gone. */
    private Listing listOrGone(String token) throws IOException {
        try {
            return list(token);
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 410) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Every page of a listing. No time bounds: a request with a sync token may not carry them, and the token is
     * only good for a query like the one that produced it.
     */
    private Listing list(String syncToken) throws IOException {
        List<Event> events = new ArrayList<>();
        String page = null;
        while (true) {
            Calendar.Events.List request = calendar.events().list(calendarId).setMaxResults(PAGE_SIZE)
                    .setPageToken(page);
            if (syncToken != null) {
                request.setSyncToken(syncToken);
            }
            Events answer = request.execute();
            if (answer.getItems() != null) {
                events.addAll(answer.getItems());
            }
            page = answer.getNextPageToken();
            if (page == null) {
                if (answer.getNextSyncToken() == null) {
                    throw new IOException("Google Calendar listing ended without a sync token");
                }
                return new Listing(events, answer.getNextSyncToken());
            }
        }
    }

    /**
     * Moves a booking to where the owner put its event, when that differs from the booking and the booking's own
     * changes have all reached the calendar; a time the booking cannot take flags the owner instead.
     */
    private void followMove(OwnerMove move) {
        Optional<Appointment> current = appointments.find(move.appointmentId());
        if (current.isEmpty() || current.get().status() != AppointmentStatus.BOOKED
                || current.get().slot().start().toInstant().equals(move.start())) {
            return; // cancelled meanwhile, or our own push of the booking's time
        }
        if (CalendarOutbox.hasPending(dsl, move.appointmentId())) {
            LOG.info("appointment {}: calendar event differs but a change of ours is still on its way; not followed",
                    move.appointmentId());
            return;
        }
        Appointment before = current.get();
        BookingResult result = bookings.reschedule(move.appointmentId(), move.start().atZone(zone),
                new Actor(Channel.WEB, OWNER_VIA_CALENDAR));
        switch (result) {
            case BookingResult.Success s when !s.replayed() -> {
                LOG.info("appointment {} moved: the owner moved its calendar event", move.appointmentId());
                listener.moved(before, s.appointment());
            }
            case BookingResult.Success s -> {
            }
            case BookingResult.SlotTaken t -> refuseMove(before, move.start(), "another job is booked at that time");
            case BookingResult.Rejected r -> refuseMove(before, move.start(), r.message());
        }
    }

    private void refuseMove(Appointment booking, Instant wanted, String reason) {
        boolean fresh = dsl.transactionResult(cfg -> CalendarFlags.raise(DSL.using(cfg), booking.id(),
                CalendarFlags.MOVE_REFUSED, wanted.toString(), clock.instant()));
        LOG.info("appointment {}: the owner's move of its event not followed ({})", booking.id(), reason);
        if (fresh) {
            listener.moveRefused(booking, wanted, reason);
        }
    }

    private void cancelForOwner(UUID appointmentId) {
        Optional<Appointment> current = appointments.find(appointmentId);
        if (current.isEmpty() || current.get().status() != AppointmentStatus.BOOKED) {
            return; // our own delete of a cancelled booking, or not one of ours after all
        }
        BookingResult result = bookings.cancel(appointmentId, new Actor(Channel.WEB, OWNER_VIA_CALENDAR));
        if (result instanceof BookingResult.Success s && !s.replayed()) {
            LOG.info("appointment {} cancelled: the owner deleted its calendar event", appointmentId);
            listener.cancelled(s.appointment());
        }
    }

    private record Listing(List<Event> events, String nextSyncToken) {
    }

    /** One of our events as the calendar now has it: the owner may have moved it. */
    public record OwnerMove(UUID appointmentId, Instant start) {
    }

    /** A booking newly overlapped by the owner's busy time {@code [busyStart, busyEnd)}. */
    public record Overlap(UUID appointmentId, Instant busyStart, Instant busyEnd) {
    }

    /**
     * @param skipped        another instance was pulling; nothing was done
     * @param full           every event was listed (first pull, or after 410 Gone)
     * @param events         events received
     * @param deletedByOwner our events the owner deleted
     * @param movedByOwner   our events as listed (followed when their start differs from the booking's)
     * @param overlaps       bookings newly overlapped by the owner's busy time (flagged)
     */
    public record PullResult(boolean skipped, boolean full, int events, List<UUID> deletedByOwner,
                             List<OwnerMove> movedByOwner, List<Overlap> overlaps) {
        static final PullResult SKIPPED = new PullResult(true, false, 0, List.of(), List.of(), List.of());
    }
}

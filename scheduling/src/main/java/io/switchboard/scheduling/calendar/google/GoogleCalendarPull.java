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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

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
 * <p>When the owner deletes one of our events, the booking is cancelled (audit actor {@value #OWNER_VIA_CALENDAR})
 * and the listener hears of it, e.g. to text the customer.
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
    private final AppointmentStore appointments;
    private final BookingService bookings;
    private final Consumer<Appointment> ownerCancelled;
    private final Duration lookAhead;

    /**
     * @param lookAhead how far ahead recurring events are expanded: the booking horizon
     */
    public GoogleCalendarPull(GoogleCalendarApi api, DSLContext dsl, Clock clock, ZoneId zone, Duration lookAhead,
                              AppointmentStore appointments, BookingService bookings,
                              Consumer<Appointment> ownerCancelled) {
        this.lookAhead = lookAhead;
        this.calendar = api.client();
        this.calendarId = api.calendarId();
        this.dsl = dsl;
        this.clock = clock;
        this.busy = new EventBusyTime(zone);
        this.appointments = appointments;
        this.bookings = bookings;
        this.ownerCancelled = ownerCancelled;
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
        Instant now = clock.instant();
        Set<String> series = new LinkedHashSet<>();
        for (Event e : listing.events()) {
            if (e.getRecurringEventId() != null) {
                series.add(e.getRecurringEventId()); // one occurrence moved or deleted: expand its series again
            } else if (e.getRecurrence() != null && !"cancelled".equals(e.getStatus())) {
                series.add(e.getId());
            } else {
                ImportedBusyTime.replace(tx, calendarId, e.getId(), upcoming(busy.blocks(e), now));
            }
            if (!full && "cancelled".equals(e.getStatus())) {
                EventIds.appointmentOf(e.getId()).ifPresent(deletedByOwner::add);
            }
        }
        for (String master : series) {
            ImportedBusyTime.replace(tx, calendarId, master, occurrences(master, now));
        }
        var at = now.atOffset(ZoneOffset.UTC);
        var update = tx.update(CALENDAR_SYNC_STATE)
                .set(CALENDAR_SYNC_STATE.SYNC_TOKEN, listing.nextSyncToken())
                .set(CALENDAR_SYNC_STATE.SYNCED_AT, at);
        if (full) {
            update = update.set(CALENDAR_SYNC_STATE.FULL_SYNCED_AT, at);
        }
        update.where(CALENDAR_SYNC_STATE.CALENDAR_ID.eq(calendarId)).execute();
        return new PullResult(false, full, listing.events().size(), List.copyOf(deletedByOwner));
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

    private void cancelForOwner(UUID appointmentId) {
        Optional<Appointment> current = appointments.find(appointmentId);
        if (current.isEmpty() || current.get().status() != AppointmentStatus.BOOKED) {
            return; // our own delete of a cancelled booking, or not one of ours after all
        }
        BookingResult result = bookings.cancel(appointmentId, new Actor(Channel.WEB, OWNER_VIA_CALENDAR));
        if (result instanceof BookingResult.Success s && !s.replayed()) {
            LOG.info("appointment {} cancelled: the owner deleted its calendar event", appointmentId);
            ownerCancelled.accept(s.appointment());
        }
    }

    private record Listing(List<Event> events, String nextSyncToken) {
    }

    /**
     * @param skipped        another instance was pulling; nothing was done
     * @param full           every event was listed (first pull, or after 410 Gone)
     * @param events         events received
     * @param deletedByOwner our events the owner deleted
     */
    public record PullResult(boolean skipped, boolean full, int events, List<UUID> deletedByOwner) {
        static final PullResult SKIPPED = new PullResult(true, false, 0, List.of());
    }
}

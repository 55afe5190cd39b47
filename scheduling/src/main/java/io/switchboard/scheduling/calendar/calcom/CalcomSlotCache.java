package io.switchboard.scheduling.calendar.calcom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cal.com's offered starts, kept briefly per event type and local day, so the several availability look-ups of one
 * conversation (the offer, "anything on Thursday?", the ranges of a day, the alternatives) cost one {@code GET
 * /v2/slots}, not one each. Freshness comes from the injected clock ({@link #ttl}).
 *
 * <p>Invariants: a day is served from here only while younger than the ttl; our own booking, move or cancellation
 * and any authentic Cal.com webhook {@link #forget} what they may have changed; and a fetch that was under way while
 * something was forgotten is returned to its caller but never stored, so a forgotten day cannot come back stale.
 * Staleness can still only hide or show a slot in an <em>offer</em>: Cal.com decides every booking and move itself,
 * and its refusal is the usual "slot taken" turn. The cache is per process; other instances learn of a change within
 * the ttl. Its size is bounded by {@link #MAX_DAYS}.
 */
public final class CalcomSlotCache {

    /** How long Cal.com's answer is trusted for an offer: long enough for a conversation's look-ups, no longer. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** Event-type days kept at most; beyond it everything is dropped (far more than a booking horizon holds). */
    static final int MAX_DAYS = 4_096;

    /** Fetches the starts of an event type on local days {@code [first, last]} from Cal.com. */
    @FunctionalInterface
    interface Fetch {
        Set<Instant> starts(long eventTypeId, LocalDate first, LocalDate last);
    }

    private record Key(long eventTypeId, LocalDate day) {
    }

    private record Day(Set<Instant> starts, Instant fetchedAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final ZoneId zone;
    private final Map<Key, Day> days = new HashMap<>();
    /** Bumped by every {@link #forget}: a fetch that began under an older generation is not stored. */
    private long generation;

    CalcomSlotCache(Clock clock, Duration ttl, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /**
     * The starts on {@code [first, last]}: from here when every day is fresh, else one fetch of the span of days
     * that are not (its days then kept). Blocking when it fetches; {@code fetch}'s exceptions pass through.
     */
    Set<Instant> starts(long eventTypeId, LocalDate first, LocalDate last, Fetch fetch) {
        LocalDate firstMissing = null;
        LocalDate lastMissing = null;
        long startedAt;
        Set<Instant> out = new HashSet<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                Day day = days.get(new Key(eventTypeId, d));
                if (day != null && fresh(day, now)) {
                    out.addAll(day.starts());
                } else {
                    firstMissing = firstMissing == null ? d : firstMissing;
                    lastMissing = d;
                }
            }
            startedAt = generation;
        }
        if (firstMissing == null) {
            return out;
        }
        Instant fetchedAt = clock.instant();
        Set<Instant> fetched = fetch.starts(eventTypeId, firstMissing, lastMissing);
        Map<LocalDate, Set<Instant>> byDay = new HashMap<>();
        for (LocalDate d = firstMissing; !d.isAfter(lastMissing); d = d.plusDays(1)) {
            byDay.put(d, new HashSet<>());
        }
        for (Instant s : fetched) {
            Set<Instant> day = byDay.get(s.atZone(zone).toLocalDate());
            if (day != null) {
                day.add(s);
                out.add(s);
            }
        }
        synchronized (this) {
            if (generation == startedAt) {
                if (days.size() + byDay.size() > MAX_DAYS) {
                    days.clear();
                }
                byDay.forEach((d, starts) -> days.put(new Key(eventTypeId, d), new Day(Set.copyOf(starts), fetchedAt)));
            }
        }
        return out;
    }

    /** Cal.com's slots of {@code eventTypeId} on {@code day} may have changed (we booked, moved or cancelled). */
    public synchronized void forget(long eventTypeId, LocalDate day) {
        generation++;
        days.remove(new Key(eventTypeId, day));
    }

    /** Anything in Cal.com may have changed (a webhook told us of a change made there). */
    public synchronized void forgetAll() {
        generation++;
        days.clear();
    }

    private boolean fresh(Day day, Instant now) {
        return now.isBefore(day.fetchedAt().plus(ttl));
    }
}

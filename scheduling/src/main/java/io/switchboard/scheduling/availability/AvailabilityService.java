package io.switchboard.scheduling.availability;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.OpeningHours;
import io.switchboard.models.ServiceType;
import io.switchboard.models.TimeSlot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds open slots for a service. Honours opening hours, durations, the buffer between jobs, blackout days,
 * minimum notice, the booking horizon and the per-day cap. Answers are advice: the booking itself is checked
 * again, and finally by the database, so a slot offered here can still be lost to a faster caller.
 */
public final class AvailabilityService {

    /** Read on each use: the owner can change hours and blackout days while the server runs. */
    private final Supplier<BusinessProfile> profiles;
    private final BookingWindow window;
    private final CalendarView calendar;
    private final SlotSource external;

    public AvailabilityService(Supplier<BusinessProfile> profiles, BookingWindow window, CalendarView calendar) {
        this(profiles, window, calendar, SlotSource.NONE);
    }

    /** With an external calendar's offered starts ({@code external}) intersected with our own rules. */
    public AvailabilityService(Supplier<BusinessProfile> profiles, BookingWindow window, CalendarView calendar,
                               SlotSource external) {
        this.profiles = java.util.Objects.requireNonNull(profiles, "profiles");
        this.window = window;
        this.calendar = calendar;
        this.external = java.util.Objects.requireNonNull(external, "external");
    }

    /** Over a fixed profile. */
    public AvailabilityService(BusinessProfile profile, BookingWindow window, CalendarView calendar) {
        this(() -> profile, window, calendar);
    }

    /** Over a fixed profile, with an external calendar's offered starts. */
    public AvailabilityService(BusinessProfile profile, BookingWindow window, CalendarView calendar,
                               SlotSource external) {
        this(() -> profile, window, calendar, external);
    }

    private BusinessProfile profile() {
        return profiles.get();
    }

    /** The best open slots for {@code query}: chronological, or nearest the preferred start first. */
    public List<TimeSlot> findSlots(SlotQuery query) {
        ServiceType service = service(query.serviceId());
        LocalDate today = window.now().toLocalDate();
        LocalDate first = query.from() == null || query.from().isBefore(today) ? today : query.from();
        LocalDate horizonDay = window.latestStart().atZone(window.zone()).toLocalDate();
        LocalDate last = query.to() == null || query.to().isAfter(horizonDay) ? horizonDay : query.to();
        if (first.isAfter(last)) {
            return List.of();
        }
        Instant rangeStart = dayStart(first).minus(profile().rules().bufferBetweenJobs());
        List<BusyTime> busy = calendar.busyBetween(rangeStart, dayStart(last.plusDays(1)));
        Map<LocalDate, Integer> perDay = calendar.bookingsPerDay(first, last);
        boolean chronological = query.preferred() == null;
        java.util.Optional<java.util.Set<Instant>> offered = external.openStarts(service.id(), first, last);

        List<TimeSlot> found = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!dayAcceptsBookings(day, perDay)) {
                continue;
            }
            for (OpeningHours hours : profile().hours().on(day.getDayOfWeek())) {
                collect(day, hours, service.duration(), query, busy, found);
                offered.ifPresent(starts -> found.removeIf(s -> !starts.contains(s.start().toInstant())));
                if (chronological && found.size() >= query.limit()) {
                    return List.copyOf(found.subList(0, query.limit()));
                }
            }
        }
        if (!chronological) {
            Instant preferred = ZonedDateTime.of(query.preferred(), window.zone()).toInstant();
            found.sort(Comparator.comparing((TimeSlot s) -> Duration.between(preferred, s.start().toInstant()).abs())
                    .thenComparing(s -> s.start().toInstant()));
        }
        return List.copyOf(found.subList(0, Math.min(found.size(), query.limit())));
    }

    /**
     * Why {@code day} can take no booking at all (closed that weekday, a day off, beyond the horizon), or empty
     * when it is a working day within reach and only the calendar decides.
     */
    public java.util.Optional<DayUnavailable> unavailable(LocalDate day) {
        LocalDate horizonDay = window.latestStart().atZone(window.zone()).toLocalDate();
        if (day.isAfter(horizonDay)) {
            return java.util.Optional.of(DayUnavailable.BEYOND_HORIZON);
        }
        if (!profile().hours().isOpenOn(day.getDayOfWeek())) {
            return java.util.Optional.of(DayUnavailable.CLOSED);
        }
        if (profile().isBlackout(day)) {
            return java.util.Optional.of(DayUnavailable.DAY_OFF);
        }
        return java.util.Optional.empty();
    }

    /**
     * The stretches of a day in which a job of this service fits, e.g. 11:00–15:00, so a spoken reply can name
     * ranges rather than list every start time. Each range's start lies on the slot grid.
     */
    public List<TimeSlot> openRanges(String serviceId, LocalDate day) {
        ServiceType service = service(serviceId);
        Map<LocalDate, Integer> perDay = calendar.bookingsPerDay(day, day);
        if (!dayAcceptsBookings(day, perDay)) {
            return List.of();
        }
        Duration buffer = profile().rules().bufferBetweenJobs();
        List<BusyTime> busy = calendar.busyBetween(dayStart(day).minus(buffer), dayStart(day.plusDays(1)));
        Instant earliest = window.earliestStart();
        Instant latestEnd = window.latestStart().plus(service.duration());
        List<TimeSlot> ranges = new ArrayList<>();
        for (OpeningHours hours : profile().hours().on(day.getDayOfWeek())) {
            Instant open = window.openInstant(day, hours);
            Instant close = min(window.closeInstant(day, hours), latestEnd);
            List<Instant[]> free = new ArrayList<>();
            free.add(new Instant[] {max(open, earliest), close});
            for (BusyTime b : busy) {
                free = subtract(free, b.start().minus(buffer), b.blockedUntil());
            }
            for (Instant[] piece : free) {
                Instant start = alignUp(piece[0], open);
                if (!start.plus(service.duration()).isAfter(piece[1])) {
                    ranges.add(new TimeSlot(start.atZone(window.zone()), piece[1].atZone(window.zone())));
                }
            }
        }
        java.util.Optional<java.util.Set<Instant>> offered = external.openStarts(serviceId, day, day);
        return offered.isEmpty() ? List.copyOf(ranges) : offeredRuns(ranges, offered.get(), service.duration());
    }

    /**
     * The parts of {@code ranges} the external calendar also offers: each run of consecutive grid starts it lists
     * becomes a range from the run's first start to the end of a job at its last.
     */
    private List<TimeSlot> offeredRuns(List<TimeSlot> ranges, java.util.Set<Instant> offered, Duration length) {
        Duration step = profile().rules().slotStep();
        List<TimeSlot> runs = new ArrayList<>();
        for (TimeSlot range : ranges) {
            Instant runStart = null;
            Instant runLast = null;
            Instant end = range.end().toInstant();
            for (Instant s = range.start().toInstant(); !s.plus(length).isAfter(end); s = s.plus(step)) {
                if (offered.contains(s)) {
                    runStart = runStart == null ? s : runStart;
                    runLast = s;
                } else if (runStart != null) {
                    runs.add(run(runStart, runLast.plus(length)));
                    runStart = null;
                }
            }
            if (runStart != null) {
                runs.add(run(runStart, runLast.plus(length)));
            }
        }
        return List.copyOf(runs);
    }

    private TimeSlot run(Instant start, Instant end) {
        return new TimeSlot(start.atZone(window.zone()), end.atZone(window.zone()));
    }

    private void collect(LocalDate day, OpeningHours hours, Duration length, SlotQuery q, List<BusyTime> busy,
                         List<TimeSlot> out) {
        Duration step = profile().rules().slotStep();
        Duration buffer = profile().rules().bufferBetweenJobs();
        Instant close = window.closeInstant(day, hours);
        Instant earliest = window.earliestStart();
        Instant latest = window.latestStart();
        long stepSeconds = step.toSeconds();
        for (long sec = hours.open().toSecondOfDay(); sec < hours.close().toSecondOfDay(); sec += stepSeconds) {
            LocalTime t = LocalTime.ofSecondOfDay(sec);
            ZonedDateTime start = ZonedDateTime.of(LocalDateTime.of(day, t), window.zone());
            if (!start.toLocalTime().equals(t)) {
                continue; // the local time does not exist on a spring-forward day
            }
            Instant s = start.toInstant();
            Instant end = s.plus(length);
            if (end.isAfter(close) || s.isBefore(earliest) || s.isAfter(latest) || !matches(t, q)) {
                continue;
            }
            Instant blockedUntil = end.plus(buffer);
            if (busy.stream().noneMatch(b -> b.overlaps(s, blockedUntil))) {
                out.add(new TimeSlot(start, end.atZone(window.zone())));
            }
        }
    }

    private static boolean matches(LocalTime t, SlotQuery q) {
        return (q.partOfDay() == null || q.partOfDay().contains(t))
                && (q.notBefore() == null || !t.isBefore(q.notBefore()))
                && (q.notAfter() == null || !t.isAfter(q.notAfter()));
    }

    private boolean dayAcceptsBookings(LocalDate day, Map<LocalDate, Integer> perDay) {
        return !profile().isBlackout(day)
                && profile().hours().isOpenOn(day.getDayOfWeek())
                && perDay.getOrDefault(day, 0) < profile().rules().maxBookingsPerDay();
    }

    private ServiceType service(String id) {
        return profile().service(id).orElseThrow(() -> new IllegalArgumentException("unknown service '" + id + "'"));
    }

    private Instant dayStart(LocalDate day) {
        return day.atStartOfDay(window.zone()).toInstant();
    }

    /** First instant at or after {@code t} on the slot grid that starts at {@code origin}. */
    private Instant alignUp(Instant t, Instant origin) {
        long step = profile().rules().slotStep().toSeconds();
        long offset = Duration.between(origin, t).toSeconds();
        if (offset <= 0) {
            return origin;
        }
        long steps = (offset + step - 1) / step;
        return origin.plusSeconds(steps * step);
    }

    private static List<Instant[]> subtract(List<Instant[]> pieces, Instant cutStart, Instant cutEnd) {
        List<Instant[]> out = new ArrayList<>(pieces.size() + 1);
        for (Instant[] p : pieces) {
            if (!cutStart.isBefore(p[1]) || !p[0].isBefore(cutEnd)) {
                out.add(p);
                continue;
            }
            if (p[0].isBefore(cutStart)) {
                out.add(new Instant[] {p[0], cutStart});
            }
            if (cutEnd.isBefore(p[1])) {
                out.add(new Instant[] {cutEnd, p[1]});
            }
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.switchboard.dialog.flow;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Channel;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.availability.AvailabilityService;
import io.switchboard.scheduling.availability.DayUnavailable;
import io.switchboard.scheduling.availability.SlotQuery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Turns what a caller wished for into something to offer, always from the real availability. */
final class SlotFinder {

    /** What to offer for a wish. */
    sealed interface Offer {
        /** The exact wanted start is free. */
        record Exact(ZonedDateTime start) implements Offer {
        }

        /**
         * Specific starts; {@code wantedTaken} when an exact wish was not free; {@code unavailable} when the day
         * wished for can take no booking at all (closed, a day off, beyond the horizon), else null.
         */
        record Starts(List<ZonedDateTime> starts, ZonedDateTime wantedTaken, boolean outsideWindow,
                      UnavailableDay unavailable) implements Offer {

            Starts(List<ZonedDateTime> starts, ZonedDateTime wantedTaken, boolean outsideWindow) {
                this(starts, wantedTaken, outsideWindow, null);
            }
        }

        /** The day wished for and why it cannot be booked. */
        record UnavailableDay(LocalDate day, DayUnavailable why) {
        }

        /** Open stretches of one day, for spoken replies. */
        record Ranges(LocalDate day, List<TimeSlot> ranges, List<ZonedDateTime> starts) implements Offer {
        }

        record Nothing() implements Offer {
        }
    }

    private static final int SPOKEN_OPTIONS = 3;
    private static final int TEXT_OPTIONS = 3;
    private static final int SEARCH_DAYS = 14;

    private final AvailabilityService availability;
    private final Duration step;

    SlotFinder(AvailabilityService availability, Duration step) {
        this.availability = availability;
        this.step = step;
    }

    Offer find(String serviceId, List<TimePreference> wishes, Channel channel, LocalDate today) {
        List<TimePreference> usable = wishes.stream().filter(w -> !w.isEmpty()).toList();
        if (usable.isEmpty()) {
            usable = List.of(TimePreference.asSoonAsPossible());
        }
        if (usable.size() == 1) {
            return findOne(serviceId, usable.get(0), channel, today);
        }
        // "next thursday afternoon or friday morning": the best couple of starts from each wish
        List<ZonedDateTime> starts = new ArrayList<>();
        for (TimePreference w : usable) {
            for (TimeSlot s : availability.findSlots(query(serviceId, w, today, 2))) {
                starts.add(s.start());
            }
        }
        if (starts.isEmpty()) {
            return nearest(serviceId, usable.get(0), today, null);
        }
        return new Offer.Starts(starts.stream().limit(Expectation.MOST_STARTS_READ_OUT).toList(), null, false);
    }

    private Offer findOne(String serviceId, TimePreference w, Channel channel, LocalDate today) {
        if (w.time() != null) {
            LocalDate day = w.date() != null ? w.date() : firstDayWith(serviceId, w.time(), today);
            if (day == null) {
                return nearest(serviceId, w, today, null);
            }
            List<TimeSlot> near = availability.findSlots(new SlotQuery(serviceId, day, day.plusDays(SEARCH_DAYS),
                    null, null, null, day.atTime(w.time()), SPOKEN_OPTIONS));
            if (!near.isEmpty() && near.get(0).start().toLocalDateTime().equals(day.atTime(w.time()))) {
                return new Offer.Exact(near.get(0).start());
            }
            ZonedDateTime wanted = near.isEmpty() ? null
                    : day.atTime(w.time()).atZone(near.get(0).start().getZone());
            if (near.isEmpty()) {
                return nearest(serviceId, w, today, null);
            }
            return new Offer.Starts(near.stream().limit(2).map(TimeSlot::start).toList(), wanted, false);
        }
        int limit = channel.isSpoken() ? 50 : TEXT_OPTIONS;
        List<TimeSlot> slots = availability.findSlots(query(serviceId, w, today, limit));
        if (slots.isEmpty()) {
            return nearest(serviceId, w, today, null);
        }
        if (channel.isSpoken() && !w.asap() && slots.size() > SPOKEN_OPTIONS) {
            LocalDate day = slots.get(0).start().toLocalDate();
            List<TimeSlot> sameDay = slots.stream().filter(s -> s.start().toLocalDate().equals(day)).toList();
            if (sameDay.size() > SPOKEN_OPTIONS) {
                return new Offer.Ranges(day, merge(sameDay), sameDay.stream().map(TimeSlot::start).toList());
            }
        }
        return new Offer.Starts(slots.stream().limit(SPOKEN_OPTIONS).map(TimeSlot::start).toList(), null, false);
    }

    /**
     * Nothing fits the wish: the nearest starts after it instead. A day that can take no booking at all is named
     * with its reason; beyond the horizon, the nearest starts are the last ones that can be booked.
     */
    private Offer nearest(String serviceId, TimePreference w, LocalDate today, ZonedDateTime wanted) {
        Offer.UnavailableDay unavailable = w.date() == null || w.isDateRange() ? null
                : availability.unavailable(w.date()).map(why -> new Offer.UnavailableDay(w.date(), why)).orElse(null);
        List<TimeSlot> next;
        if (unavailable != null && unavailable.why() == DayUnavailable.BEYOND_HORIZON) {
            LocalTime at = w.time() != null ? w.time() : w.partOfDay() != null ? w.partOfDay().from() : LocalTime.NOON;
            next = availability.findSlots(new SlotQuery(serviceId, today, null, null, null, null,
                    w.date().atTime(at), 2));
        } else {
            LocalDate from = w.date() != null && w.date().isAfter(today) ? w.date() : today;
            next = availability.findSlots(SlotQuery.from(serviceId, from, 2));
        }
        if (next.isEmpty()) {
            next = availability.findSlots(SlotQuery.from(serviceId, today, 2));
        }
        if (next.isEmpty()) {
            return new Offer.Nothing();
        }
        List<ZonedDateTime> starts = next.stream().map(TimeSlot::start).sorted().toList();
        return new Offer.Starts(starts, wanted, true, unavailable);
    }

    /** The earliest free starts before {@code limit}, for "anything sooner?". */
    List<ZonedDateTime> earlierThan(String serviceId, ZonedDateTime limit, LocalDate today) {
        return availability.findSlots(SlotQuery.from(serviceId, today, SPOKEN_OPTIONS)).stream()
                .map(TimeSlot::start).filter(s -> s.isBefore(limit)).toList();
    }

    /** Checks one concrete start against the real availability. */
    boolean isFree(String serviceId, ZonedDateTime start) {
        LocalDate day = start.toLocalDate();
        return availability.findSlots(new SlotQuery(serviceId, day, day, null, start.toLocalTime(),
                        start.toLocalTime(), null, 1)).stream()
                .anyMatch(s -> s.start().toInstant().equals(start.toInstant()));
    }

    private LocalDate firstDayWith(String serviceId, LocalTime time, LocalDate today) {
        List<TimeSlot> s = availability.findSlots(new SlotQuery(serviceId, today, today.plusDays(SEARCH_DAYS), null,
                time, time, null, 1));
        return s.isEmpty() ? null : s.get(0).start().toLocalDate();
    }

    private SlotQuery query(String serviceId, TimePreference w, LocalDate today, int limit) {
        LocalDate from = w.date() != null ? w.date() : today;
        // "next week", "end of the month": the whole stretch of days, not only its first
        LocalDate to = w.isDateRange() ? w.lastDate()
                : w.date() != null ? w.date() : w.asap() ? null : today.plusDays(SEARCH_DAYS);
        return new SlotQuery(serviceId, from, to, w.partOfDay(), w.notBefore(), w.notAfter(), null, limit);
    }

    /** Consecutive starts on the slot grid become one range from the first start to the last job's end. */
    private List<TimeSlot> merge(List<TimeSlot> slots) {
        List<TimeSlot> ranges = new ArrayList<>();
        TimeSlot first = slots.get(0);
        TimeSlot last = first;
        for (int i = 1; i < slots.size(); i++) {
            TimeSlot s = slots.get(i);
            if (!Duration.between(last.start(), s.start()).equals(step)) {
                ranges.add(new TimeSlot(first.start(), last.end()));
                first = s;
            }
            last = s;
        }
        ranges.add(new TimeSlot(first.start(), last.end()));
        return ranges;
    }
}

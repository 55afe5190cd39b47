package io.switchboard.telephony.http;

import io.vertx.core.MultiMap;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * An inclusive range of days in the business's timezone, read from {@code ?date=YYYY-MM-DD} or
 * {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}.
 */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new BadRequestException("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) > ApiLimits.MAX_RANGE_DAYS) {
            throw new BadRequestException("from and to may be at most " + ApiLimits.MAX_RANGE_DAYS + " days apart");
        }
    }

    /** @throws BadRequestException when the parameters are missing, repeated, mixed or not dates */
    public static DateRange fromQuery(MultiMap params) {
        String date = single(params, "date");
        String from = single(params, "from");
        String to = single(params, "to");
        if (date != null) {
            if (from != null || to != null) {
                throw new BadRequestException("give either date or from and to, not both");
            }
            LocalDate day = parse("date", date);
            return new DateRange(day, day);
        }
        if (from == null && to == null) {
            throw new BadRequestException("date (YYYY-MM-DD) or from and to are required");
        }
        if (from == null || to == null) {
            throw new BadRequestException("from and to must be given together");
        }
        return new DateRange(parse("from", from), parse("to", to));
    }

    /** Midnight starting {@link #first} in {@code zone}. */
    public Instant startIn(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Midnight ending {@link #last} in {@code zone} (exclusive bound). */
    public Instant endIn(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static String single(MultiMap params, String name) {
        List<String> values = params.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequestException(name + " given more than once");
        }
        return values.getFirst();
    }

    private static LocalDate parse(String name, String value) {
        // LocalDate.parse accepts only YYYY-MM-DD; the length check keeps year 10000+ and junk out of the message.
        if (value.length() != 10) {
            throw new BadRequestException(name + " must be a date like 2026-11-24");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new BadRequestException(name + " must be a date like 2026-11-24");
        }
    }
}

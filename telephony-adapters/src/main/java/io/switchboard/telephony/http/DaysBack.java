package io.switchboard.telephony.http;

import io.vertx.core.MultiMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code ?days=N} of a listing of what happened lately: the last N days, N a whole number from 1 to
 * {@link ApiLimits#MAX_RANGE_DAYS}, a fallback when absent.
 */
record DaysBack(int days) {

    DaysBack {
        if (days < 1 || days > ApiLimits.MAX_RANGE_DAYS) {
            throw new BadRequestException("days must be a whole number from 1 to " + ApiLimits.MAX_RANGE_DAYS);
        }
    }

    /** @throws BadRequestException when {@code days} is there but not a whole number in range */
    static DaysBack fromQuery(MultiMap params, int fallback) {
        String param = params.get("days");
        if (param == null) {
            return new DaysBack(fallback);
        }
        try {
            return new DaysBack(Integer.parseInt(param.trim()));
        } catch (NumberFormatException e) {
            return new DaysBack(-1);
        }
    }

    /** The start of the window: N days before now. */
    Instant since(Clock clock) {
        return clock.instant().minus(Duration.ofDays(days));
    }
}

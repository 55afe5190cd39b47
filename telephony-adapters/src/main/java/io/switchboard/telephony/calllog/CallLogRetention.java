package io.switchboard.telephony.calllog;

import io.switchboard.telephony.privacy.RetentionRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes calls older than the retention period. Run by the server's one
 * {@link io.switchboard.telephony.privacy.RetentionSchedule} with every other retention rule; {@link #purge()} takes
 * "now" from the injected clock, so a test moves time instead of waiting.
 */
public final class CallLogRetention implements RetentionRule {

    private final CallLogStore store;
    private final Clock clock;
    private final Duration keep;

    public CallLogRetention(CallLogStore store, Clock clock, Duration keep) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = Objects.requireNonNull(keep, "keep");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + keep);
        }
    }

    @Override
    public String name() {
        return "calls";
    }

    /** Deletes the calls that started more than the retention period before the clock's now; returns how many. */
    public int purge() {
        return purge(clock.instant());
    }

    @Override
    public int purge(Instant now) {
        return store.deleteStartedBefore(now.minus(keep));
    }
}

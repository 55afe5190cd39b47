package io.switchboard.telephony.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-recipient token bucket: each recipient may receive {@code burst} messages at once and then one more every
 * {@code interval}. It stops a dialog bug or a bot-to-bot loop from flooding one person's phone (and the bill).
 *
 * <p>Implemented as the generic cell rate algorithm: one timestamp per recipient, no background thread. Entries whose
 * bucket is full again carry no information and are dropped once more than {@code maxTracked} recipients are held.
 * Thread-safe and non-blocking.
 */
public final class RecipientRateLimiter {

    private static final int DEFAULT_MAX_TRACKED = 10_000;

    private final long intervalNanos;
    private final long toleranceNanos;
    private final int maxTracked;
    private final LongSupplier nanoTicker;
    /** Theoretical arrival time per recipient: when its bucket would next be full. */
    private final Map<String, Long> tats = new ConcurrentHashMap<>();

    public RecipientRateLimiter(int burst, Duration interval) {
        this(burst, interval, System::nanoTime, DEFAULT_MAX_TRACKED);
    }

    /** @param nanoTicker a monotonic nanosecond clock; tests pass a settable one */
    public RecipientRateLimiter(int burst, Duration interval, LongSupplier nanoTicker, int maxTracked) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be positive");
        }
        this.intervalNanos = interval.toNanos();
        this.toleranceNanos = Math.multiplyExact(intervalNanos, (long) burst - 1);
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        this.maxTracked = maxTracked;
    }

    /** Takes one token for {@code recipient} if it has one; never waits. */
    public boolean tryAcquire(String recipient) {
        long now = nanoTicker.getAsLong();
        boolean[] allowed = {false};
        tats.compute(recipient, (key, tat) -> {
            long start = tat == null || tat - now < 0 ? now : tat;
            if (start - now <= toleranceNanos) {
                allowed[0] = true;
                return start + intervalNanos;
            }
            return tat;
        });
        if (tats.size() > maxTracked) {
            tats.values().removeIf(tat -> tat - now <= 0);
        }
        return allowed[0];
    }

    /** Recipients currently holding state (for tests and metrics). */
    public int trackedRecipients() {
        return tats.size();
    }
}

package io.switchboard.telephony.alerts;

import io.switchboard.models.settings.SettingsSource;

import java.time.Duration;
import java.util.Objects;

/**
 * How owner alerts are paced and retried.
 *
 * @param minGap        the least time between two alert texts to the owner: the first alert goes at once, the ones
 *                      that arrive within this gap wait and go together as one aggregate
 * @param firstRetry    the wait after a failed send; doubled after each further failure, up to {@code maxRetry}
 * @param maxRetry      the longest wait between retries
 * @param giveUpAfter   an alert still undelivered this long after it was raised is expired (logged as an error and
 *                      counted), since a call-back that late no longer helps
 * @param oneAlertPer   a second alert of the same conversation within this time is not queued again
 * @param sendTimeout   how long a dispatcher waits for the provider's answer
 */
public record OwnerAlertSettings(Duration minGap, Duration firstRetry, Duration maxRetry, Duration giveUpAfter,
                                 Duration oneAlertPer, Duration sendTimeout) {

    public OwnerAlertSettings {
        for (Duration d : new Duration[] {minGap, firstRetry, maxRetry, giveUpAfter, oneAlertPer, sendTimeout}) {
            Objects.requireNonNull(d, "durations");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("owner alert durations must be positive");
            }
        }
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("maxRetry must be at least firstRetry");
        }
    }

    /**
     * Two minutes between texts: a burst of thirty alerts costs the owner's phone one text, not thirty, and a real
     * emergency behind a burst waits at most two minutes. Retries from 30 seconds to 15 minutes, for a day.
     */
    public static OwnerAlertSettings defaults() {
        return new OwnerAlertSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(24), Duration.ofHours(1), Duration.ofSeconds(60));
    }

    /** The variable that sets {@link #minGap()}: seconds ({@code 120}, {@code 90s}) or minutes ({@code 2m}). */
    public static final String MIN_GAP = "SWITCHBOARD_OWNER_ALERT_GAP";

    /**
     * The defaults, with the gap between owner texts from {@link #MIN_GAP} when set (a short gap for tests and for
     * owners who would rather get every alert at once).
     *
     * @throws IllegalStateException naming the variable when its value is unusable
     */
    public static OwnerAlertSettings from(SettingsSource source) {
        OwnerAlertSettings d = defaults();
        String raw = source.getOrDefault(MIN_GAP, "").strip().toLowerCase(java.util.Locale.ROOT);
        if (raw.isEmpty()) {
            return d;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})(s|m)?").matcher(raw);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalStateException(MIN_GAP + ": '" + raw + "' is not a duration like 120, 90s or 2m");
        }
        long n = Long.parseLong(m.group(1));
        Duration gap = "m".equals(m.group(2)) ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
        return new OwnerAlertSettings(gap, d.firstRetry(), d.maxRetry(), d.giveUpAfter(), d.oneAlertPer(),
                d.sendTimeout());
    }

    /** The wait before the next attempt after {@code failures} failed sends (1 = the first failure). */
    public Duration retryAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures start at 1");
        }
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}

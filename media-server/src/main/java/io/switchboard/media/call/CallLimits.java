package io.switchboard.media.call;

import io.switchboard.models.settings.SettingsSource;

/** {@code SWITCHBOARD_MAX_CALLS}: how many calls one server takes at once. */
public final class CallLimits {

    public static final String MAX_CALLS = "SWITCHBOARD_MAX_CALLS";
    /**
     * Calls per core by default. Measured on 2 cores, speech recognition saturates first: 4 calls stay within the
     * latency target, 8 do not.
     */
    public static final int CALLS_PER_CORE = 2;

    private CallLimits() {
    }

    public static int defaultMaxCalls() {
        return Math.max(1, CALLS_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    /** @throws IllegalArgumentException when set but not a positive whole number */
    public static int maxCalls(SettingsSource source) {
        String value = source.getOrDefault(MAX_CALLS, "").trim();
        if (value.isEmpty()) {
            return defaultMaxCalls();
        }
        try {
            int max = Integer.parseInt(value);
            if (max >= 1) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(MAX_CALLS + " must be a whole number of calls, at least 1, was '" + value
                + "'");
    }
}

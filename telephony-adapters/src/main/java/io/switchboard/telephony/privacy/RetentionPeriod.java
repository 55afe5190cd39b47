package io.switchboard.telephony.privacy;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a retention setting: {@code 30d}, {@code 12h}, a bare number of days, or ISO-8601 {@code P30D}. */
public final class RetentionPeriod {

    /** Shorter would delete data before the owner has looked at the day's work. */
    public static final Duration MIN = Duration.ofHours(1);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([dh]?)");

    private RetentionPeriod() {
    }

    /**
     * The period {@code text} names, or {@code fallback} when it is blank.
     *
     * @throws IllegalArgumentException naming {@code variable} when the text is no duration or under {@link #MIN}
     */
    public static Duration parse(String variable, String text, Duration fallback) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return fallback;
        }
        Duration d;
        if (t.startsWith("p")) {
            try {
                d = Duration.parse(t);
            } catch (DateTimeException e) {
                throw notADuration(variable, text);
            }
        } else {
            Matcher m = SHORT.matcher(t);
            if (!m.matches()) {
                throw notADuration(variable, text);
            }
            long n = Long.parseLong(m.group(1));
            d = "h".equals(m.group(2)) ? Duration.ofHours(n) : Duration.ofDays(n);
        }
        if (d.compareTo(MIN) < 0) {
            throw new IllegalArgumentException(variable + " must be at least 1h, was " + d);
        }
        return d;
    }

    private static IllegalArgumentException notADuration(String variable, String text) {
        // The value is an operator's own setting, not a secret; cut it so a pasted file cannot flood the log.
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return new IllegalArgumentException(variable + ": '" + shown + "' is not a duration like 30d or 12h");
    }
}

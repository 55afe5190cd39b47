package io.switchboard.telephony.calllog;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import io.switchboard.telephony.privacy.RetentionPeriod;
import java.time.Duration;
import java.util.Locale;

/**
 * The call log's settings.
 *
 * @param retention      how long a call is kept ({@value #RETENTION}: {@code 30d} by default; {@code 90d}, {@code 12h},
 *                       a bare number of days, or ISO {@code P30D})
 * @param logTranscripts whether what callers said is also written to the application log ({@value #LOG_TRANSCRIPTS},
 *                       off by default: it is personal data)
 * @param summarySms     whether the owner is texted a one-line summary after a call that booked, moved, cancelled,
 *                       left a message or asked for a person ({@value #SUMMARY_SMS}; needs SMS configured)
 */
public record CallLogSettings(Duration retention, boolean logTranscripts, boolean summarySms) {

    public static final String RETENTION = "SWITCHBOARD_CALL_LOG_RETENTION";
    public static final String LOG_TRANSCRIPTS = "SWITCHBOARD_LOG_TRANSCRIPTS";
    public static final String SUMMARY_SMS = "SWITCHBOARD_CALL_SUMMARY_SMS";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /** Shorter would delete calls before the owner has looked at the day's log. */
    public static final Duration MIN_RETENTION = RetentionPeriod.MIN;

    public CallLogSettings {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException(RETENTION + " must be at least 1h, was " + retention);
        }
    }

    public static CallLogSettings defaults() {
        return new CallLogSettings(DEFAULT_RETENTION, false, false);
    }

    /** @throws IllegalArgumentException naming the variable when a value is unusable */
    public static CallLogSettings from(SettingsSource source) {
        String keep = source.getOrDefault(RETENTION, "").trim();
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        Duration retention = fields.read(RETENTION, null,
                () -> RetentionPeriod.parse(RETENTION, keep, DEFAULT_RETENTION));
        boolean transcripts = fields.read(LOG_TRANSCRIPTS, false, () -> flag(source, LOG_TRANSCRIPTS));
        boolean summaries = fields.read(SUMMARY_SMS, false, () -> flag(source, SUMMARY_SMS));
        fields.check();
        return new CallLogSettings(retention, transcripts, summaries);
    }

    private static boolean flag(SettingsSource source, String name) {
        String v = source.getOrDefault(name, "").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "0", "no", "off" -> false;
            case "true", "1", "yes", "on" -> true;
            default -> throw new IllegalArgumentException(name + ": '" + v + "' is not true or false");
        };
    }
}

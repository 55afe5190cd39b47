package io.switchboard.telephony.privacy;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.time.Duration;

/**
 * How long personal data other than the call log is kept (the call log has {@code SWITCHBOARD_CALL_LOG_RETENTION}).
 *
 * @param messages  message bodies: unanswered inbound texts, the replies kept for webhook retries, the caller
 *                  details in owner alerts ({@value #MESSAGES}, {@code 7d} by default)
 * @param customers customer records of finished jobs: a customer with no booking ending within this period, and
 *                  not updated in it, is removed and their bookings become redacted stubs ({@value #CUSTOMERS},
 *                  {@code 365d} by default)
 */
public record RetentionSettings(Duration messages, Duration customers) {

    public static final String MESSAGES = "SWITCHBOARD_RETENTION_MESSAGES";
    public static final String CUSTOMERS = "SWITCHBOARD_RETENTION_CUSTOMERS";
    public static final Duration DEFAULT_MESSAGES = Duration.ofDays(7);
    public static final Duration DEFAULT_CUSTOMERS = Duration.ofDays(365);

    public RetentionSettings {
        if (messages.compareTo(RetentionPeriod.MIN) < 0 || customers.compareTo(RetentionPeriod.MIN) < 0) {
            throw new IllegalArgumentException("retention periods must be at least 1h");
        }
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(DEFAULT_MESSAGES, DEFAULT_CUSTOMERS);
    }

    /** @throws IllegalArgumentException naming the variable when a value is unusable */
    public static RetentionSettings from(SettingsSource source) {
        // Both keys are read even when the first is bad, so one start-up names both.
        SettingsFields fields = new SettingsFields();
        Duration messages = fields.read(MESSAGES, null,
                () -> RetentionPeriod.parse(MESSAGES, source.get(MESSAGES), DEFAULT_MESSAGES));
        Duration customers = fields.read(CUSTOMERS, null,
                () -> RetentionPeriod.parse(CUSTOMERS, source.get(CUSTOMERS), DEFAULT_CUSTOMERS));
        fields.check();
        return new RetentionSettings(messages, customers);
    }
}

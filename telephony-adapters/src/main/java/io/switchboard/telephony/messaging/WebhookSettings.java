package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.DataDir;
import io.switchboard.models.settings.SettingsSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time bounds of the text webhooks.
 *
 * @param answerWithin  every webhook answers within this (Twilio gives up after 15 s): SMS work that did not finish is
 *                      acknowledged with an empty TwiML and its reply sent through the API when ready; a WhatsApp
 *                      delivery that could not be stored in time gets 503, so Meta delivers it again
 * @param recoveryIdle  an unanswered stored message untouched for this long is taken over by the recovery sweep
 * @param sweepEvery    how often the recovery sweep runs (it also runs once at start-up)
 * @param spoolDir      where an inbound SMS is kept on local disk until the database has it, or null for no spool
 *                      (tests); {@code inbox-spool} under the data directory when read from the settings
 */
public record WebhookSettings(Duration answerWithin, Duration recoveryIdle, Duration sweepEvery, Path spoolDir) {

    public static final String ANSWER_WITHIN = "SWITCHBOARD_WEBHOOK_TIMEOUT";
    public static final Duration DEFAULT_ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})(ms|s)");

    public WebhookSettings {
        positive(answerWithin, "answerWithin");
        positive(recoveryIdle, "recoveryIdle");
        positive(sweepEvery, "sweepEvery");
    }

    public WebhookSettings(Duration answerWithin, Duration recoveryIdle, Duration sweepEvery) {
        this(answerWithin, recoveryIdle, sweepEvery, null);
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(DEFAULT_ANSWER_WITHIN, Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    public WebhookSettings withSpoolDir(Path dir) {
        return new WebhookSettings(answerWithin, recoveryIdle, sweepEvery, dir);
    }

    /**
     * Reads the webhook bound; the spool is under the data directory.
     *
     * @throws IllegalStateException naming the variable when its value is unusable
     */
    public static WebhookSettings from(SettingsSource source, DataDir dataDir) {
        Path spool = dataDir.resolve("inbox-spool");
        String raw = source.getOrDefault(ANSWER_WITHIN, "").strip().toLowerCase(Locale.ROOT);
        if (raw.isEmpty()) {
            return defaults().withSpoolDir(spool);
        }
        Matcher m = SHORT.matcher(raw);
        Duration d = !m.matches() ? null
                : m.group(2).equals("ms") ? Duration.ofMillis(Long.parseLong(m.group(1)))
                : Duration.ofSeconds(Long.parseLong(m.group(1)));
        if (d == null || d.isZero() || d.compareTo(Duration.ofSeconds(14)) > 0) {
            throw new IllegalStateException(ANSWER_WITHIN + ": '" + raw
                    + "' is not a duration like 10s or 800ms between 1ms and 14s (Twilio waits 15 s)");
        }
        WebhookSettings defaults = defaults();
        return new WebhookSettings(d, defaults.recoveryIdle(), defaults.sweepEvery(), spool);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

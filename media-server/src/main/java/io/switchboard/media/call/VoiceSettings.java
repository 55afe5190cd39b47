package io.switchboard.media.call;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import io.switchboard.media.vad.VadConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the voice loop.
 *
 * @param vad                   voice-activity detection at 8 kHz / 20 ms frames; its hangover ends a turn nothing ended sooner
 * @param bargeInMillis         caller speech needed while a reply plays before the reply is cut (shorter sounds are
 *                              taken as noise and dropped)
 * @param preRollMillis         audio before the detected onset that still goes to the recogniser
 * @param repromptAfter         caller silence after a reply before "are you still there?"
 * @param maxReprompts          re-prompts before saying goodbye and hanging up
 * @param digitTimeout          pause after the last key press that ends keypad entry ({@code #} ends it at once)
 * @param maxPlaybackLeadMillis how far reply audio may be sent ahead of what Twilio has played
 * @param endOfTurn             the end-of-turn decision's threshold and pauses (its hard maximum defaults to the
 *                              hangover)
 */
public record VoiceSettings(VadConfig vad, int bargeInMillis, int preRollMillis,
                            Duration repromptAfter, int maxReprompts, Duration digitTimeout,
                            int maxPlaybackLeadMillis, EndOfTurnSettings endOfTurn) {

    public static final int DEFAULT_HANGOVER_MILLIS = 550;
    public static final int DEFAULT_REPROMPT_SECONDS = 8;

    public VoiceSettings {
        Objects.requireNonNull(vad, "vad");
        Objects.requireNonNull(repromptAfter, "repromptAfter");
        Objects.requireNonNull(digitTimeout, "digitTimeout");
        Objects.requireNonNull(endOfTurn, "endOfTurn");
        if (vad.sampleRate() != 8000 || vad.frameSamples() != 160) {
            throw new IllegalArgumentException("the voice loop runs VAD on 20 ms frames at 8 kHz");
        }
        if (bargeInMillis < 0 || preRollMillis < 0 || maxReprompts < 0
                || maxPlaybackLeadMillis < 20) {
            throw new IllegalArgumentException("voice settings out of range");
        }
        if (repromptAfter.isNegative() || repromptAfter.isZero() || digitTimeout.isNegative() || digitTimeout.isZero()) {
            throw new IllegalArgumentException("repromptAfter and digitTimeout must be positive");
        }
    }

    /** 550 ms hangover, the default end-of-turn decision, 200 ms barge-in, 300 ms pre-roll, re-prompt after 8 s (twice), 2 s keys, 1 s lead. */
    public static VoiceSettings defaults() {
        return new VoiceSettings(VadConfig.telephony().withHangoverMillis(DEFAULT_HANGOVER_MILLIS), 200, 300,
                Duration.ofSeconds(DEFAULT_REPROMPT_SECONDS), 2, Duration.ofSeconds(2), 1000, EndOfTurnSettings.defaults());
    }

    /**
     * Reads {@code SWITCHBOARD_VAD_HANGOVER_MS} (also the end-of-turn hard maximum), {@code SWITCHBOARD_REPROMPT_SECONDS},
     * {@code SWITCHBOARD_END_OF_TURN_THRESHOLD} and {@code SWITCHBOARD_SPECULATE_AFTER_MS} (0 turns speculative replies
     * off, for a machine whose cores are better spent on recognition); the rest as {@link #defaults()}.
     */
    public static VoiceSettings from(SettingsSource source) {
        VoiceSettings d = defaults();
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        int hangover = fields.read("SWITCHBOARD_VAD_HANGOVER_MS", DEFAULT_HANGOVER_MILLIS,
                () -> intValue(source, "SWITCHBOARD_VAD_HANGOVER_MS", DEFAULT_HANGOVER_MILLIS, 100, 5000));
        int reprompt = fields.read("SWITCHBOARD_REPROMPT_SECONDS", DEFAULT_REPROMPT_SECONDS,
                () -> intValue(source, "SWITCHBOARD_REPROMPT_SECONDS", DEFAULT_REPROMPT_SECONDS, 1, 600));
        double threshold = fields.read("SWITCHBOARD_END_OF_TURN_THRESHOLD", d.endOfTurn().threshold(),
                () -> thresholdValue(source.get("SWITCHBOARD_END_OF_TURN_THRESHOLD")));
        int speculate = fields.read("SWITCHBOARD_SPECULATE_AFTER_MS", d.endOfTurn().speculateAfterMillis(),
                () -> intValue(source, "SWITCHBOARD_SPECULATE_AFTER_MS", d.endOfTurn().speculateAfterMillis(), 0,
                        1000));
        fields.check();
        return new VoiceSettings(d.vad().withHangoverMillis(hangover), d.bargeInMillis(),
                d.preRollMillis(), Duration.ofSeconds(reprompt), d.maxReprompts(), d.digitTimeout(),
                d.maxPlaybackLeadMillis(), d.endOfTurn().withThreshold(threshold).withMaxWaitMillis(hangover)
                        .withSpeculateAfterMillis(speculate));
    }

    public VoiceSettings withRepromptAfter(Duration after) {
        return new VoiceSettings(vad, bargeInMillis, preRollMillis, after, maxReprompts,
                digitTimeout, maxPlaybackLeadMillis, endOfTurn);
    }

    public VoiceSettings withDigitTimeout(Duration timeout) {
        return new VoiceSettings(vad, bargeInMillis, preRollMillis, repromptAfter, maxReprompts,
                timeout, maxPlaybackLeadMillis, endOfTurn);
    }

    public VoiceSettings withEndOfTurn(EndOfTurnSettings settings) {
        return new VoiceSettings(vad, bargeInMillis, preRollMillis, repromptAfter, maxReprompts,
                digitTimeout, maxPlaybackLeadMillis, settings);
    }

    private static double thresholdValue(String text) {
        if (text == null || text.isBlank()) {
            return EndOfTurnSettings.DEFAULT_THRESHOLD;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SWITCHBOARD_END_OF_TURN_THRESHOLD must be a number, was '" + text.trim()
                    + "'");
        }
        if (!(value >= 0.3 && value <= 3)) {
            throw new IllegalArgumentException("SWITCHBOARD_END_OF_TURN_THRESHOLD must be between 0.3 and 3, was "
                    + value);
        }
        return value;
    }

    private static int intValue(SettingsSource source, String name, int fallback, int min, int max) {
        String text = source.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + text.trim() + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}

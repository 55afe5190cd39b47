package io.switchboard.media.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A caller's voice rendered with the {@code espeak-ng} command (a Debian package, never bundled), converted in Java
 * to the rate asked for. Rendering forks a process: do it before the call, not while streaming.
 *
 * @param voice          espeak-ng voice name ({@code en-gb})
 * @param wordsPerMinute speaking rate
 * @param wordGapTens    extra pause between words in units of 10 ms; 0 for espeak-ng's default
 */
public record EspeakVoice(String voice, int wordsPerMinute, int wordGapTens) implements CallerVoice {

    /**
     * The espeak caller of the end-to-end tests and the load generator: British English, 150 words a minute and
     * 80 ms between words, which the small Vosk model follows best.
     */
    public static final EspeakVoice CALLER = new EspeakVoice("en-gb", 150, 8);

    public EspeakVoice {
        Objects.requireNonNull(voice, "voice");
        if (!voice.matches("[A-Za-z0-9+_-]+")) {
            throw new IllegalArgumentException("not an espeak-ng voice name: " + voice);
        }
        if (wordsPerMinute < 80 || wordsPerMinute > 450 || wordGapTens < 0) {
            throw new IllegalArgumentException("rate 80-450 words a minute and a non-negative gap, please");
        }
    }

    /** espeak-ng is on {@code PATH}. */
    public static boolean installed() {
        return SpeechProgram.ESPEAK_NG.installed();
    }

    @Override
    public String id() {
        return String.format(Locale.ROOT, "espeak-ng:%s:%dwpm:gap%d", voice, wordsPerMinute, wordGapTens);
    }

    @Override
    public short[] render(String text, int sampleRate) {
        Objects.requireNonNull(text, "text");
        return SpeechProgram.ESPEAK_NG.speak(wav -> {
            List<String> command = new ArrayList<>(List.of("espeak-ng", "-v", voice, "-s",
                    Integer.toString(wordsPerMinute)));
            if (wordGapTens > 0) {
                command.addAll(List.of("-g", Integer.toString(wordGapTens)));
            }
            // "--" so a line starting with '-' is spoken, not taken as an option.
            command.addAll(List.of("-w", wav.toString(), "--", text));
            return command;
        }, sampleRate);
    }
}

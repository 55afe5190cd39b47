package io.switchboard.media.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A caller's voice rendered with the {@code flite} command (a Debian package, never bundled). Flite's built-in
 * voices are different speakers from MaryTTS's and espeak-ng's, so they test the recogniser on other voices.
 *
 * @param voice           a built-in flite voice: {@code slt}, {@code rms}, {@code awb}, {@code kal16} or {@code kal}
 * @param durationStretch 1.0 for flite's own pace, above 1 slower
 */
public record FliteVoice(String voice, double durationStretch) implements CallerVoice {

    private static final Set<String> VOICES = Set.of("slt", "rms", "awb", "kal16", "kal");

    public FliteVoice {
        Objects.requireNonNull(voice, "voice");
        if (!VOICES.contains(voice)) {
            throw new IllegalArgumentException("not a built-in flite voice: " + voice + " (one of " + VOICES + ")");
        }
        if (!(durationStretch >= 0.5 && durationStretch <= 2.0)) {
            throw new IllegalArgumentException("duration stretch 0.5-2.0, please: " + durationStretch);
        }
    }

    /** flite is on {@code PATH}. */
    public static boolean installed() {
        return SpeechProgram.FLITE.installed();
    }

    @Override
    public String id() {
        return String.format(Locale.ROOT, "flite:%s:stretch%.2f", voice, durationStretch);
    }

    @Override
    public short[] render(String text, int sampleRate) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("-")) {
            // flite's -t is a flag and the text a plain argument: a leading '-' would be read as an option
            throw new IllegalArgumentException("flite cannot speak a line starting with '-'");
        }
        return SpeechProgram.FLITE.speak(wav -> List.of("flite", "-voice", voice, "--setf",
                String.format(Locale.ROOT, "duration_stretch=%.2f", durationStretch), "-o", wav.toString(),
                "-t", text), sampleRate);
    }
}

package io.switchboard.media.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulated callers this machine can voice. MaryTTS callers need nothing but the build's dependencies and are
 * always there; espeak-ng and flite callers are added when those programs are installed. Every voice is wrapped in a
 * {@link CachedCallerVoice}, so each line is synthesised once per build directory.
 */
public final class Callers {

    /** The day and part of day every booking script asks for; bench swaps it for other windows. */
    public static final String DAY = "tomorrow morning";

    /**
     * The booking call for MaryTTS callers, phrased around what Vosk mishears from them ("a repair" comes out as
     * "to retire", a line opening with "tomorrow" as "morrow", "kitchen sink" as a drain job; "leaking" names the
     * general repair) and around the early end of turn: no line may answer the question before a pause inside it
     * ("the earliest | one", "my name is peter | brown" were cut there and the rest barged in on the reply).
     */
    public static final List<String> MARY_BOOKING_LINES = List.of("my tap is leaking",
            "can you come " + DAY, "the first", "my name is sarah jones", "yeah", "one hundred high street",
            "yeah", "no thank you");

    private Callers() {
    }

    /** The MaryTTS caller every machine has. */
    public static Caller maryTts() {
        return new Caller(CachedCallerVoice.of(MaryCallerVoice.DEEP), MARY_BOOKING_LINES);
    }

    /** The espeak-ng caller, when espeak-ng is installed. */
    public static Optional<Caller> espeak() {
        return EspeakVoice.installed()
                ? Optional.of(new Caller(CachedCallerVoice.of(EspeakVoice.CALLER), CallScript.BOOKING_A_REPAIR))
                : Optional.empty();
    }

    /**
     * The caller a test uses when the voice does not matter: espeak-ng's where it is installed (the voice the
     * measurements in README were taken with), MaryTTS's otherwise, so the suite needs no system package.
     */
    public static Caller standard() {
        return espeak().orElseGet(Callers::maryTts);
    }

    /** Every caller voice this machine can render: the MaryTTS ones, then espeak-ng's and flite's if installed. */
    public static List<CallerVoice> installedVoices() {
        List<CallerVoice> voices = new ArrayList<>(List.of(MaryCallerVoice.DEEP, MaryCallerVoice.QUICK,
                MaryCallerVoice.SLOW));
        if (EspeakVoice.installed()) {
            voices.add(EspeakVoice.CALLER);
            voices.add(new EspeakVoice("en-us", 160, 0));
        }
        if (FliteVoice.installed()) {
            voices.add(new FliteVoice("rms", 1.0));
            voices.add(new FliteVoice("awb", 1.0));
            voices.add(new FliteVoice("kal16", 1.1));
        }
        return voices.stream().<CallerVoice>map(CachedCallerVoice::of).toList();
    }
}

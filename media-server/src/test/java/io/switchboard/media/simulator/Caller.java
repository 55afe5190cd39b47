package io.switchboard.media.simulator;

import java.util.List;
import java.util.Objects;

/**
 * A simulated caller: a voice and the booking call's lines phrased the way the small Vosk model hears them from that
 * voice (each engine has words it garbles: MaryTTS loses an utterance's first plosive, so "tomorrow" opens no line).
 *
 * @param voice        the caller's voice, normally a {@link CachedCallerVoice}
 * @param bookingLines booking a general repair for tomorrow morning's earliest slot: service, day, choice, name,
 *                     caller id confirmed, address, confirmation, goodbye
 */
public record Caller(CallerVoice voice, List<String> bookingLines) {

    public Caller {
        Objects.requireNonNull(voice, "voice");
        bookingLines = List.copyOf(Objects.requireNonNull(bookingLines, "bookingLines"));
    }

    /** The booking lines rendered (slow: do it before dialling). */
    public CallScript bookingScript() {
        return CallScript.render(voice, bookingLines);
    }

    /** The line of {@link #bookingLines()} that names the wanted day and part of day. */
    public int dayLine() {
        for (int i = 0; i < bookingLines.size(); i++) {
            if (bookingLines.get(i).contains(Callers.DAY)) {
                return i;
            }
        }
        throw new IllegalStateException("no line names " + Callers.DAY + ": " + bookingLines);
    }

    @Override
    public String toString() {
        return voice.id();
    }
}

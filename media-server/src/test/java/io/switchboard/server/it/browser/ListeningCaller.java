package io.switchboard.server.it.browser;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.stt.RecognitionStream;
import io.switchboard.media.stt.VoskModelInstaller;
import io.switchboard.media.stt.VoskSpeechRecognizer;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The softphone test's caller, who listens: it hears each reply the page played (through the small Vosk model the
 * server uses, as a person hears words) and answers what it was asked, from its four lines and the keypad — as the
 * spoken corpus's caller answers the dialog's question, and again when it is asked again. It never answers a question
 * it did not hear, so a misheard line costs a re-ask, as on a real call.
 */
final class ListeningCaller implements AutoCloseable {

    /** The caller's lines, by what they answer. */
    static final int JOB = 0;
    static final int WHEN = 1;
    static final int NAME = 2;
    static final int ADDRESS = 3;

    /** What the caller does next. */
    sealed interface Move permits Say, Key {
    }

    /** Says line {@code line}. */
    record Say(int line) implements Move {
    }

    /** Presses {@code digit} then #. */
    record Key(char digit) implements Move {
    }

    private final VoskSpeechRecognizer ears;

    ListeningCaller() {
        Path cache = Path.of("target", "test-cache").toAbsolutePath();
        this.ears = VoskSpeechRecognizer.start(new VoskModelInstaller(cache).install(), cache, 1);
    }

    /** What a reply (8 kHz samples, as the page played them) said, as the caller heard it. */
    String hear(short[] reply8k) {
        StreamingResampler up = new StreamingResampler(8000, 16000);
        short[] wide = new short[up.maxOutputLength(160)];
        try (RecognitionStream stream = ears.openStream()) {
            for (int off = 0; off + 160 <= reply8k.length; off += 160) {
                stream.accept(wide, up.process(reply8k, off, 160, wide, 0));
            }
            return stream.finalResult();
        }
    }

    /**
     * The answer to a reply heard as {@code heard}: the read-back, the caller-ID check and the day's offer on the
     * keypad (1: yes, the first); the address, name, day and job in words; "are you still there?" with the
     * {@code previous} answer again. Anything else ("sorry, what would you like to do?") is answered with what the
     * caller rang about.
     */
    static Move answer(String heard, Move previous) {
        String h = " " + heard.toLowerCase(Locale.ROOT) + " ";
        if (h.contains("still there") && previous != null) {
            return previous;
        }
        if (h.contains("book it") || h.contains("shall i")) {
            return new Key('1');
        }
        if (h.contains("reach you") || h.contains("calling from") || h.contains(" number ")) {
            return new Key('1');
        }
        if (h.contains("address")) {
            return new Say(ADDRESS);
        }
        if (h.contains(" name ")) {
            return new Say(NAME);
        }
        if (h.contains("openings") || h.contains("suits you") || h.contains(" free ")) {
            return new Key('1');
        }
        if (h.contains(" day ") || h.contains(" when ") || h.contains(" time ")) {
            return new Say(WHEN);
        }
        return new Say(JOB);
    }

    @Override
    public void close() {
        ears.close();
    }
}

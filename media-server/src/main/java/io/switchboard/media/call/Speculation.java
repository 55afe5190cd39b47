package io.switchboard.media.call;

import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.SpeechStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * One speculative reply: the words it was prepared on, and once the speaking thread has prepared it, the dialog's
 * uncommitted preview and the first sentence's audio, held back. The call thread voids it when the caller goes on;
 * the speaking thread then drops it. Made once per short pause, never per frame.
 */
final class Speculation {

    private final String words;
    private volatile boolean voided;
    /** The turn ended on other words (or was no spoken turn): nothing more is worth preparing. */
    private volatile boolean superseded;
    /** The turn ended on these very words: holding more only keeps it waiting; the rest streams on commit. */
    private volatile boolean arrived;
    // The speaking thread's.
    private TurnPreview.Preview preview;
    private byte[] audio = new byte[0];
    private int audioLength;
    /** What of the held sentence was not synthesised yet when its turn arrived; streamed on commit. */
    private SpeechStream rest;

    Speculation(String heard) {
        this.words = normalised(heard);
    }

    /** The recognition it was prepared on, normalised for comparison with the final words. */
    String words() {
        return words;
    }

    /** Whether {@code finalWords} are the words this reply was prepared on. */
    boolean preparedOn(String finalWords) {
        return words.equals(normalised(finalWords));
    }

    /** Call thread: the caller went on. Returns whether this call voided it (it is voided once). */
    synchronized boolean voidIt() {
        if (voided) {
            return false;
        }
        voided = true;
        return true;
    }

    boolean voided() {
        return voided;
    }

    /**
     * Call thread: the turn ended and cannot commit this speculation (its final words differ). Unlike a void this is
     * still counted as a miss when the turn reaches the dialog; it only stops the speaking thread preparing it, so a
     * held sentence still being synthesised stops within a frame instead of keeping the real turn waiting.
     */
    void supersede() {
        superseded = true;
    }

    /** Whether preparing it is no longer worth anything: voided, or the turn ended on other words. */
    boolean abandoned() {
        return voided || superseded;
    }

    /**
     * Call thread: the turn ended on the words this was prepared on, so it will commit it. A held sentence still being
     * synthesised stops being held within a frame; its turn plays what is held and streams the rest.
     */
    void arrived() {
        arrived = true;
    }

    /** Whether holding the first sentence should pause: abandoned, or its turn is waiting for it. */
    boolean holdingPauses() {
        return arrived || abandoned();
    }

    /**
     * Speaking thread: the held sentence paused before its end; {@code remainder} goes on from there when the turn
     * commits. Closed at once when this was abandoned meanwhile.
     */
    void holdRest(SpeechStream remainder) {
        if (abandoned()) {
            remainder.close();
        } else {
            rest = remainder;
        }
    }

    /** Speaking thread: this will not be used; what is left of its synthesis stops. */
    void drop() {
        if (rest != null) {
            rest.close();
            rest = null;
        }
    }

    void prepared(TurnPreview.Preview uncommitted) {
        this.preview = uncommitted;
    }

    TurnPreview.Preview preview() {
        return preview;
    }

    /** Where the first sentence's audio is held while the caller may still go on. */
    AudioSink holder() {
        return (frame, offset, length) -> {
            if (audioLength + length > audio.length) {
                audio = Arrays.copyOf(audio, Math.max(audio.length * 2, audioLength + length + 1600));
            }
            System.arraycopy(frame, offset, audio, audioLength, length);
            audioLength += length;
        };
    }

    /** Whether some audio is held, or its synthesis is under way to be streamed. */
    boolean holdsAudio() {
        return audioLength > 0 || rest != null;
    }

    /**
     * Sends the held audio to {@code sink} frame by frame, at once, then streams the rest of the sentence if its
     * synthesis paused when the turn arrived.
     *
     * @throws io.switchboard.media.tts.SpeechSynthesisException if the rest's synthesis fails
     */
    void release(AudioSink sink, BooleanSupplier cancelled) {
        for (int at = 0; at < audioLength && !cancelled.getAsBoolean(); at += AudioFrame.SAMPLES) {
            sink.accept(audio, at, Math.min(AudioFrame.SAMPLES, audioLength - at));
        }
        SpeechStream remainder = rest;
        rest = null;
        if (remainder != null) {
            try (remainder) {
                if (!cancelled.getAsBoolean()) {
                    remainder.deliver(sink, cancelled);
                }
            }
        }
    }

    private static String normalised(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

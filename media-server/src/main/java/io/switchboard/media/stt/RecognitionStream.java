package io.switchboard.media.stt;

import java.util.List;
import java.util.Optional;

/**
 * One call's recognition state. The caller decides where a turn ends (its own VAD, or a partial that already
 * answers the question) and then asks for {@link #finalResult()}; the engine's own endpointing is not relied on.
 * Not thread-safe: use from the call's worker only.
 */
public interface RecognitionStream extends AutoCloseable {

    /** Feeds {@code len} 16-bit mono samples at {@link SpeechRecognizer#sampleRate()} from {@code pcm16k[0..]}. */
    void accept(short[] pcm16k, int len);

    /** Best guess at the current turn's words so far; empty if none. */
    String partial();

    /** Finishes the current turn and returns its transcript (lower case, may be empty); the next audio starts a new turn. */
    String finalResult();

    /**
     * Finishes the current turn in the light of what was just asked: the best hypothesis that {@code expected}
     * accepts, or a second pass over the turn's audio when none does. Engines without alternatives return their one
     * transcript.
     */
    default Recognition finish(ListeningFor expected) {
        return Recognition.of(finalResult());
    }

    /**
     * What the dialog just asked the caller, and so what the next turn is heard against: an engine may start work for
     * {@link #finish} now (a second pass alongside the first). Ordered with the audio around it; engines without
     * such work ignore it.
     *
     * @param spareCapacity recognition has cores to spare (few calls, or workers lately idle), so work that the turn
     *                      may turn out not to need is worth doing early; without it only work every turn needs is
     *                      started
     */
    default void expect(ListeningFor expected, boolean spareCapacity) {
    }

    /**
     * {@link #expect(ListeningFor, boolean)} as a call's pipeline asks it: whether cores are spare is not the
     * pipeline's to know but the scheduler's ({@link RecognitionLane} asks its workers); a stream used on its
     * own has its cores to itself.
     */
    default void expect(ListeningFor expected) {
        expect(expected, true);
    }

    /**
     * Settles the turn at a pause in it: what {@link #finish} would return if the caller said nothing more, read now so
     * that the end of the turn can be decided on it (and a reply prepared on it) before the turn is over. The turn
     * goes on: if the caller talks again, {@link #resume} follows and the next result covers the whole turn; if not,
     * {@link #endSettled} ends it, and the settled recognition is its transcript. Engines that cannot settle without
     * ending the turn return empty (the caller then reads a {@link #partial} instead).
     */
    default Optional<Recognition> settle(ListeningFor expected) {
        return Optional.empty();
    }

    /** The caller talked again after {@link #settle}: the turn goes on, and its settled reading no longer holds. */
    default void resume() {
    }

    /**
     * Ends a turn whose settled recognition ({@link #settle}) is its transcript: nothing after it is decoded (the
     * caller has been quiet since); the next audio starts a new turn.
     */
    default void endSettled() {
        reset();
    }

    /** Drops the current turn's audio and text without decoding it (e.g. after barge-in noise). */
    void reset();

    /**
     * Narrows recognition to the phrases the dialog expects next (e.g. "yes", "no", "tomorrow morning"), still allowing
     * other speech as unknown; an empty list restores open vocabulary. Applies from the next turn: the current turn is
     * reset. Engines without such support may ignore it or use it only as a hint.
     */
    void setPhraseHints(List<String> phrases);

    /** Returns the stream's resources to its engine. */
    @Override
    void close();
}

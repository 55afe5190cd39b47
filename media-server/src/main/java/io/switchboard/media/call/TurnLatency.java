package io.switchboard.media.call;

/**
 * Timestamps of one turn, all {@link CallClock#nanoTime()} values; 0 means the stage did not happen (no speech
 * recognition for a keypad turn, no audio for an empty reply).
 *
 * @param callId              the call's id, masked for logs
 * @param turn                1 for the greeting, then counting up
 * @param trigger             what started the turn
 * @param endOfSpeechNanos    when the frame that ended the caller's turn reached the server (for the greeting: when
 *                            the stream started; for keypad turns: the last key)
 * @param sttFinalNanos       when the recogniser's final transcript was ready
 * @param dialogDoneNanos     when the dialog engine returned the reply
 * @param firstTtsAudioNanos  when the first reply frame came out of the synthesiser (or the prompt cache)
 * @param firstMediaSentNanos when the first reply frame was handed to the connection
 * @param interrupted         whether the caller barged in on this reply
 * @param sentencesHeard      sentences of the reply Twilio confirmed as played before a barge-in (all when not
 *                            interrupted and fully played, as far as known when published)
 * @param sentences           sentences in the reply
 * @param silenceMillis       for speech turns, how long the caller had already been quiet (stream time) when the end
 *                            of the turn was detected: the hangover, or the shorter pause of an early end; the caller
 *                            waits this plus {@link #totalMillis()} for the reply
 */
public record TurnLatency(String callId, int turn, TurnTrigger trigger, long endOfSpeechNanos, long sttFinalNanos,
                          long dialogDoneNanos, long firstTtsAudioNanos, long firstMediaSentNanos,
                          boolean interrupted, int sentencesHeard, int sentences, int silenceMillis) {

    /** End of speech to final transcript, in ms; -1 if either is missing. */
    public double sttMillis() {
        return between(endOfSpeechNanos, sttFinalNanos);
    }

    /** Final transcript (or end of input) to the dialog's reply, in ms; -1 if unknown. */
    public double dialogMillis() {
        return between(sttFinalNanos != 0 ? sttFinalNanos : endOfSpeechNanos, dialogDoneNanos);
    }

    /** Dialog reply to the first synthesised frame, in ms; -1 if unknown. */
    public double ttsMillis() {
        return between(dialogDoneNanos != 0 ? dialogDoneNanos : endOfSpeechNanos, firstTtsAudioNanos);
    }

    /** The headline figure: end of the caller's turn to the first reply frame on the wire, in ms; -1 if no audio. */
    public double totalMillis() {
        return between(endOfSpeechNanos, firstMediaSentNanos);
    }

    /** What the caller experiences: from their last voiced sound to the first reply frame, in ms; -1 if unknown. */
    public double perceivedMillis() {
        double total = totalMillis();
        return total < 0 ? -1 : total + silenceMillis;
    }

    private static double between(long from, long to) {
        return from == 0 || to == 0 ? -1 : (to - from) / 1e6;
    }
}

package io.switchboard.media.stt;

import java.util.Locale;

/**
 * What a piece of recognition work is for, most urgent first: the order in which {@link RecognitionWorkers} serve
 * calls when there are more calls with work than workers.
 */
public enum RecognitionPriority {
    /** The final result of a turn whose caller has stopped: a reply is waiting for it. */
    FINAL,
    /**
     * A result read before the turn is known to be over (a partial, to end the turn early or to prepare a reply
     * speculatively): it may shorten the turn, but nobody has stopped to wait for it yet.
     */
    SPECULATIVE,
    /** Feeding audio while the caller is still talking: it may lag, the audio waits in the call's lane. */
    FEED;

    /** The metric tag: {@code final}, {@code speculative}, {@code feed}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

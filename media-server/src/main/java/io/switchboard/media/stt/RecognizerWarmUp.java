package io.switchboard.media.stt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one throw-away utterance through every pooled recogniser before the first call. The small Vosk model composes
 * its decoding graph on the fly and caches the states it visits per recogniser, so a recogniser's first utterance
 * decodes far slower than later ones: on a fresh server the first caller's opening lines arrived late enough for the
 * call to drop audio and mishear them, while the same lines later in the call were heard exactly.
 */
public final class RecognizerWarmUp {

    /** Samples fed at a time: 20 ms at 16 kHz, as the call pipeline feeds them. */
    private static final int CHUNK = 320;

    private RecognizerWarmUp() {
    }

    /**
     * Feeds {@code speech16k} to {@code streams} streams opened side by side (so each pooled recogniser gets one), then
     * asks each for its final, and returns them to the pool. Returns what the last stream heard. All audio is handed
     * over before the first final is asked for, so an engine on recognition workers decodes the streams in parallel.
     */
    public static String run(SpeechRecognizer engine, int streams, short[] speech16k) {
        Objects.requireNonNull(engine, "engine");
        if (streams < 1) {
            throw new IllegalArgumentException("streams must be at least 1, was " + streams);
        }
        List<RecognitionStream> opened = new ArrayList<>(streams);
        String heard = "";
        try {
            for (int i = 0; i < streams; i++) {
                opened.add(engine.openStream());
            }
            short[] chunk = new short[CHUNK];
            for (int at = 0; at < speech16k.length; at += CHUNK) {
                int len = Math.min(CHUNK, speech16k.length - at);
                System.arraycopy(speech16k, at, chunk, 0, len);
                for (RecognitionStream stream : opened) {
                    stream.accept(chunk, len);
                }
            }
            for (RecognitionStream stream : opened) {
                heard = stream.finalResult();
            }
        } finally {
            for (RecognitionStream stream : opened) {
                stream.close();
            }
        }
        return heard;
    }
}

package io.switchboard.media.stt;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.util.List;
import java.util.Locale;

/**
 * Buffers one turn (up to Whisper's 30 s window) and decodes it on {@link #finalResult()}; phrase hints become the
 * decoder's initial prompt, which nudges spelling and vocabulary without restricting it.
 */
final class WhisperRecognitionStream implements RecognitionStream {

    private static final int MAX_SAMPLES = 30 * WhisperSpeechRecognizer.SAMPLE_RATE;

    private final WhisperJNI whisper;
    private final WhisperContext context;
    private final float[] turn = new float[MAX_SAMPLES];
    private final WhisperFullParams params;
    private WhisperState state;
    private int length;
    private boolean closed;

    WhisperRecognitionStream(WhisperJNI whisper, WhisperContext context) {
        this.whisper = whisper;
        this.context = context;
        this.params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.language = "en";
        params.nThreads = 1;
        params.singleSegment = true;
        params.noTimestamps = true;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.suppressNonSpeechTokens = true;
    }

    @Override
    public void accept(short[] pcm16k, int len) {
        ensureOpen();
        if (len < 0 || len > pcm16k.length) {
            throw new IndexOutOfBoundsException("len " + len + " for array of " + pcm16k.length);
        }
        // Audio past the 30 s window is dropped: a telephone turn that long is not an answer the dialog can use.
        int take = Math.min(len, MAX_SAMPLES - length);
        for (int i = 0; i < take; i++) {
            turn[length + i] = pcm16k[i] / 32768f;
        }
        length += take;
    }

    @Override
    public String partial() {
        ensureOpen();
        return "";
    }

    @Override
    public String finalResult() {
        ensureOpen();
        if (length == 0) {
            return "";
        }
        if (state == null) {
            state = whisper.initState(context);
        }
        int status = whisper.fullWithState(context, state, params, turn, length);
        length = 0;
        if (status != 0) {
            throw new SpeechEngineException("Whisper decoding failed with status " + status);
        }
        StringBuilder text = new StringBuilder();
        int segments = whisper.fullNSegmentsFromState(state);
        for (int i = 0; i < segments; i++) {
            text.append(whisper.fullGetSegmentTextFromState(state, i));
        }
        return text.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().replaceAll(" {2,}", " ");
    }

    @Override
    public void reset() {
        ensureOpen();
        length = 0;
    }

    @Override
    public void setPhraseHints(List<String> phrases) {
        ensureOpen();
        reset();
        params.initialPrompt = phrases.isEmpty() ? null : String.join(", ", phrases);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (state != null) {
            state.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("recognition stream is closed");
        }
    }
}

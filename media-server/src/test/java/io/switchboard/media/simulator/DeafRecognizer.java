package io.switchboard.media.simulator;

import io.switchboard.media.stt.RecognitionStream;
import io.switchboard.media.stt.SpeechRecognizer;
import java.util.List;

/**
 * A recogniser that takes every sample and hears no words: for calls whose turns are driven by keys, silence or
 * the call's own timers, and for measuring the inbound audio path without a model's cost.
 */
public final class DeafRecognizer implements SpeechRecognizer {

    @Override
    public int sampleRate() {
        return 16_000;
    }

    @Override
    public RecognitionStream openStream() {
        return new Stream();
    }

    @Override
    public void close() {
    }

    /**
     * One call's stream: counts what it was given, so nothing it is fed can be optimised away unseen. Tests that
     * record what a stream is asked extend it and override only what they record.
     */
    public static class Stream implements RecognitionStream {

        private long samples;

        @Override
        public void accept(short[] pcm16k, int len) {
            samples += len;
        }

        /** Samples taken since the stream opened. */
        public long samples() {
            return samples;
        }

        @Override
        public String partial() {
            return "";
        }

        @Override
        public String finalResult() {
            return "";
        }

        @Override
        public void reset() {
        }

        @Override
        public void setPhraseHints(List<String> phrases) {
        }

        @Override
        public void close() {
        }
    }
}

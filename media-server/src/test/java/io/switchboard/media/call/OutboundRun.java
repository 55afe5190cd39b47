package io.switchboard.media.call;

import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.SpeechSynthesizer;
import io.switchboard.media.tts.SynthesisResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Runs outbound stages frames-in / frames-out for tests, on the test's {@link ManualClock}, through the same
 * {@link StageRun} as the inbound stages (reply audio is recorded as {@code "audio"}), with the outbound stages' fakes.
 */
final class OutboundRun {

    final List<Object> out;
    final List<Frame> upstream;
    final Pipeline pipeline;
    private final StageRun run;

    OutboundRun(ManualClock clock, Stage... stages) {
        this.run = new StageRun(clock, stages);
        this.out = run.out;
        this.upstream = run.upstream;
        this.pipeline = run.pipeline;
    }

    OutboundRun push(Frame... frames) {
        run.push(frames);
        return this;
    }

    long audioOut() {
        return run.audioOut();
    }

    /** What came out, without the audio. */
    List<Object> events() {
        return run.events();
    }

    <T> List<T> out(Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * A synthesiser of {@code framesPerSentence} silent frames a sentence that takes {@code millis} of the test's
     * clock before its first frame; {@link #onFrame} runs after each frame delivered (a barge-in, say). Notes what it
     * was asked to say and whether it was cancelled.
     */
    static final class FakeSynthesizer implements SpeechSynthesizer {
        final List<String> spoken = new CopyOnWriteArrayList<>();
        final List<String> cancelled = new CopyOnWriteArrayList<>();
        private final ManualClock clock;
        private final int framesPerSentence;
        private final long millis;
        volatile java.util.function.IntConsumer onFrame = n -> { };
        volatile RuntimeException failure;

        FakeSynthesizer(ManualClock clock, int framesPerSentence, long millis) {
            this.clock = clock;
            this.framesPerSentence = framesPerSentence;
            this.millis = millis;
        }

        @Override
        public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier stop) {
            spoken.add(text);
            if (failure != null) {
                throw failure;
            }
            long started = clock.nanoTime();
            clock.advanceMillis(millis);
            byte[] frame = new byte[AudioSink.FRAME_BYTES];
            Arrays.fill(frame, (byte) 0xFF);
            int n = 0;
            for (; n < framesPerSentence; n++) {
                if (stop.getAsBoolean()) {
                    cancelled.add(text);
                    return new SynthesisResult(n, true, started, clock.nanoTime());
                }
                sink.accept(frame, 0, frame.length);
                onFrame.accept(n + 1);
            }
            return new SynthesisResult(n, false, started, clock.nanoTime());
        }

        @Override
        public void close() {
        }
    }
}

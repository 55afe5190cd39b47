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
 * Runs outbound stages frames-in / frames-out for tests, on the test's {@link ManualClock}: a pipeline of the stages
 * behind a head that records what they send upstream, with what leaves the last stage recorded in order. Reply audio
 * is reused by the stages, so it is recorded as {@code "audio"} as it passes.
 */
final class OutboundRun {

    final List<Object> out = new ArrayList<>();
    final List<Frame> upstream = new ArrayList<>();
    final Pipeline pipeline;

    OutboundRun(ManualClock clock, Stage... stages) {
        List<Stage> all = new ArrayList<>();
        all.add(new Stage() {
            @Override
            public String name() {
                return "head";
            }

            @Override
            public void onFrame(Frame frame, StageContext context) {
                context.emit(frame);
            }

            @Override
            public void onUpstream(Frame frame, StageContext context) {
                upstream.add(frame);
            }
        });
        all.addAll(List.of(stages));
        this.pipeline = new Pipeline(clock, frame -> out.add(frame instanceof ReplyAudio ? "audio" : frame), all);
    }

    OutboundRun push(Frame... frames) {
        for (Frame frame : frames) {
            pipeline.push(frame);
        }
        return this;
    }

    long audioOut() {
        return out.stream().filter("audio"::equals).count();
    }

    /** What came out, without the audio. */
    List<Object> events() {
        return out.stream().filter(o -> !"audio".equals(o)).toList();
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

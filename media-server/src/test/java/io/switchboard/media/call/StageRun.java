package io.switchboard.media.call;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs stages frames-in / frames-out for tests: a pipeline of the stages under test behind a head that records what
 * they send upstream, with the frames that leave the last stage recorded in order. Audio frames are reused by the
 * stages, so what is recorded for them is a description taken as they pass.
 */
final class StageRun {

    final ManualClock clock;
    final List<Object> out = new ArrayList<>();
    final List<Frame> upstream = new ArrayList<>();
    final Pipeline pipeline;

    StageRun(ManualClock clock, Stage... stages) {
        this.clock = clock;
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
        this.pipeline = new Pipeline(clock, frame -> out.add(describe(frame)), all);
    }

    StageRun push(Frame... frames) {
        for (Frame frame : frames) {
            pipeline.push(frame);
        }
        return this;
    }

    /** What came out, with audio frames as {@code "audio"} or {@code "replayed"}. */
    List<Object> out() {
        return out;
    }

    /** What came out, without the audio frames. */
    List<Object> events() {
        return out.stream().filter(o -> !(o instanceof String s && (s.equals("audio") || s.equals("replayed"))))
                .toList();
    }

    long audioOut() {
        return out.stream().filter("audio"::equals).count();
    }

    private static Object describe(Frame frame) {
        if (frame instanceof ReplyAudio) {
            return "audio"; // reused by the outbound stages, like inbound audio frames
        }
        return frame instanceof AudioFrame a ? (a.replayed ? "replayed" : "audio") : frame;
    }

    /** A decoded frame as VAD would leave it. */
    static AudioFrame frame(boolean quiet, long arrivalNanos) {
        AudioFrame f = new AudioFrame(320);
        f.quiet = quiet;
        f.arrivalNanos = arrivalNanos;
        f.vad = io.switchboard.media.vad.VadEvent.SPEECH_CONTINUES;
        return f;
    }
}

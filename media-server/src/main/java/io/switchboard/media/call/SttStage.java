package io.switchboard.media.call;

import io.switchboard.media.stt.RecognitionStream;

/**
 * STT: feeds each frame of speech to the call's recognition stream, and answers turn-taking's upstream requests:
 * {@link Frame.Signal#READ_PARTIAL} with a {@link Frame.Partial}, {@link Frame.Signal#FINISH_TURN} with the turn's
 * {@link Frame.Transcript}, {@link Frame.Signal#DROP_TURN} by discarding the turn. The stream is not thread-safe;
 * like the rest of the pipeline it is used on the call's thread only, and its final result (tens of milliseconds of
 * native decoding) is waited for there: the audio behind it waits in the call's ring meanwhile.
 */
final class SttStage implements Stage, AutoCloseable {

    private final RecognitionStream stream;
    private final CallClock clock;

    SttStage(RecognitionStream stream, CallClock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stt";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (in instanceof AudioFrame frame) {
            stream.accept(frame.pcm16, frame.pcm16Length);
        }
        context.emit(in);
    }

    @Override
    public void onUpstream(Frame in, StageContext context) {
        if (in == Frame.Signal.READ_PARTIAL) {
            context.emit(new Frame.Partial(stream.partial()));
        } else if (in == Frame.Signal.FINISH_TURN) {
            String text = stream.finalResult();
            context.emit(new Frame.Transcript(text, clock.nanoTime()));
        } else if (in == Frame.Signal.DROP_TURN) {
            stream.reset();
        } else {
            context.emitUpstream(in);
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}

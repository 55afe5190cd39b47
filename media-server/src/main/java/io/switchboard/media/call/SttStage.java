package io.switchboard.media.call;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.stt.ListeningFor;
import io.switchboard.media.stt.Recognition;
import io.switchboard.media.stt.RecognitionStream;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STT: feeds each frame of speech to the call's recognition stream, and answers turn-taking's upstream requests:
 * {@link Frame.Signal#READ_PARTIAL} with a {@link Frame.Partial}, {@link Frame.Signal#SETTLE_TURN} with a settled one
 * (the turn's whole reading at a pause, kept until {@link Frame.Signal#RESUME_TURN} says the caller went on),
 * {@link Frame.Signal#FINISH_TURN} with the turn's {@link Frame.Transcript} (the settled reading when the caller said
 * nothing since), {@link Frame.Signal#DROP_TURN} by discarding the turn. The stream is not thread-safe;
 * like the rest of the pipeline it is used on the call's thread only, and its final result (tens of milliseconds of
 * native decoding) is waited for there: the audio behind it waits in the call's ring meanwhile.
 *
 * <p>A turn is finished in the light of what the dialog last asked ({@link Frame.Expect}, passed on downstream): the
 * recogniser's best hypothesis that fits it, or a second pass over the turn's audio ({@link RecognitionStream#finish}).
 */
final class SttStage implements Stage, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SttStage.class);

    private final RecognitionStream stream;
    private final CallClock clock;
    private final Function<Expectation, ListeningFor> listening;
    private final String maskedCall;
    private Expectation expecting = Expectation.NONE;
    private ListeningFor listeningFor = ListeningFor.ANYTHING;
    /**
     * The turn's reading at the caller's pause, while they have not talked since: its transcript if the turn ends
     * now. Null when there is none (no pause settled yet, the caller went on, or the expectation changed).
     */
    private Recognition settled;

    SttStage(RecognitionStream stream, CallClock clock) {
        this(stream, clock, e -> ListeningFor.ANYTHING, "call");
    }

    /** @param listening what to listen for after each expectation (n-best choice, second passes) */
    SttStage(RecognitionStream stream, CallClock clock, Function<Expectation, ListeningFor> listening,
             String maskedCall) {
        this.stream = stream;
        this.clock = clock;
        this.listening = listening;
        this.maskedCall = maskedCall;
    }

    @Override
    public String name() {
        return "stt";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (in instanceof AudioFrame frame) {
            stream.accept(frame.pcm16, frame.pcm16Length);
        } else if (in instanceof Frame.Expect e) {
            // once per dialog turn, off the per-frame path
            expecting = e.expectation() == null ? Expectation.NONE : e.expectation();
            listeningFor = listening.apply(expecting);
            stream.expect(listeningFor);
            settled = null; // read against the old question: the turn's end is heard against the new one
        }
        context.emit(in);
    }

    @Override
    public void onUpstream(Frame in, StageContext context) {
        if (in == Frame.Signal.READ_PARTIAL) {
            context.emit(new Frame.Partial(stream.partial()));
        } else if (in == Frame.Signal.SETTLE_TURN) {
            settled = stream.settle(listeningFor).orElse(null);
            context.emit(settled == null ? new Frame.Partial(stream.partial()) : new Frame.Partial(settled.text(), true));
        } else if (in == Frame.Signal.RESUME_TURN) {
            // Also when a new question dropped the reading meanwhile: the recogniser's turn was settled all the same.
            settled = null;
            stream.resume();
        } else if (in == Frame.Signal.FINISH_TURN) {
            Recognition heard;
            if (settled != null) {
                // Nothing was said since the pause was settled: its reading is the turn's, and no reply waits for the
                // recogniser to end the turn (that is queued behind the audio).
                heard = settled;
                settled = null;
                stream.endSettled();
            } else {
                heard = stream.finish(listeningFor);
            }
            if (heard.pass() != Recognition.Pass.OPEN) {
                LOG.info("call {}: {} pass chose the answer to {}", maskedCall, heard.pass(), expecting.name());
            }
            context.emit(new Frame.Transcript(heard.text(), clock.nanoTime(), heard.texts()));
        } else if (in == Frame.Signal.DROP_TURN) {
            settled = null;
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

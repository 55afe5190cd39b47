package io.switchboard.media.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * barge-in: the caller speaking over the reply for long enough cuts it (emitting {@link Frame.Interrupt}); shorter
 * sounds over a reply (a cough, a "mm") are not turns and their utterance is dropped. The first key of an entry cuts
 * the reply too. The turn after a cut is marked, so the dialog knows the caller did not hear the reply's end.
 */
final class BargeInStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(BargeInStage.class);

    private final ReplyFloor floor;
    private final int bargeInFrames;
    private int speechFrames;
    private boolean bargedIn;
    private boolean heardOverReply;
    /** The current turn cut the previous reply before its last sentence was heard. */
    private boolean replyCut;

    BargeInStage(ReplyFloor floor, int bargeInMillis) {
        this.floor = floor;
        this.bargeInFrames = Math.max(1, bargeInMillis / 20);
    }

    @Override
    public String name() {
        return "barge-in";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        switch (in) {
            case Frame.Signal s when s == Frame.Signal.SPEECH_STARTED -> {
                speechFrames = 0;
                bargedIn = false;
                heardOverReply = false;
                context.emit(in);
            }
            case AudioFrame frame -> {
                if (!frame.replayed) {
                    speech(context);
                }
                context.emit(frame);
            }
            case Frame.Utterance u -> {
                // Short and begun over the reply: a cough, a "mm". Speech that began in the reply's last moments and
                // went on after it ended is a turn, though nothing was left to cut.
                if (heardOverReply && !bargedIn && speechFrames < bargeInFrames) {
                    LOG.debug("short sound over the reply ignored");
                    return;
                }
                context.emit(u.cutting(replyCut));
                replyCut = false;
            }
            case Frame.Dtmf key -> {
                boolean cut = false;
                if (floor.audible()) {
                    Frame.Interrupt interrupt = floor.interrupt();
                    if (interrupt != null) {
                        cut = interrupt.heard() < interrupt.sentences();
                        context.emit(interrupt);
                    }
                }
                context.emit(key.cutting(cut));
            }
            default -> context.emit(in);
        }
    }

    private void speech(StageContext context) {
        speechFrames++;
        boolean audible = floor.audible();
        if (!bargedIn && speechFrames >= bargeInFrames && audible) {
            Frame.Interrupt interrupt = floor.interrupt();
            if (interrupt != null) {
                bargedIn = true;
                replyCut = interrupt.heard() < interrupt.sentences();
                context.emit(interrupt);
                return;
            }
        }
        if (!bargedIn && audible) {
            heardOverReply = true;
        }
    }
}

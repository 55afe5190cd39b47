package io.switchboard.media.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pacing: the outbound end of the call. Begins each reply on the {@link Playback}, sends its {@link ReplyAudio}
 * frames there (which waits, on the call's clock, while the audio sent is more than the allowed lead ahead of what the
 * caller has heard), marks the end of each {@link ReplyFrame.Sentence}, and ends the reply, filling in on its
 * {@link ReplyFrame.EndOfReply} when the first frame went out and how much the caller heard. The first frame the line
 * refuses (the caller barged in, or the call ended) is reported upstream once as a {@link Frame.Interrupt}, so TTS
 * stops. {@link ReplyFrame.HangUp} waits for the goodbye to play out and closes the stream. Sending a frame allocates
 * nothing.
 */
final class PacingStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(PacingStage.class);

    private final Playback playback;
    private final CallOutput output;
    private final CutOffWatch cutOffs;
    private final CallClock clock;
    private final String callId;
    // The current reply's.
    private Reply reply;
    private boolean toSpeech;
    private boolean refused;
    private long firstSentNanos;

    PacingStage(Playback playback, CallOutput output, CutOffWatch cutOffs, CallClock clock, String callId) {
        this.playback = playback;
        this.output = output;
        this.cutOffs = cutOffs;
        this.clock = clock;
        this.callId = callId;
    }

    @Override
    public String name() {
        return "pacing";
    }

    @Override
    public void onFrame(Frame frame, StageContext context) {
        switch (frame) {
            case ReplyAudio a -> send(a, context);
            case ReplyFrame.Sentence s -> {
                if (reply != null) {
                    playback.markSentence(reply, s.index());
                }
            }
            case ReplyFrame.Begin b -> {
                reply = playback.begin(b.sentences());
                toSpeech = b.answer().toSpeech();
                refused = false;
                firstSentNanos = 0;
                context.emitUpstream(new ReplyFrame.Playing(reply));
            }
            case ReplyFrame.EndOfReply end -> context.emit(end(end));
            case ReplyFrame.HangUp h -> hangUp(h);
            default -> context.emit(frame);
        }
    }

    private void send(ReplyAudio audio, StageContext context) {
        if (reply == null || refused) {
            return;
        }
        if (playback.sendFrame(reply, audio.muLaw, audio.offset, audio.length)) {
            if (firstSentNanos == 0) {
                firstSentNanos = clock.nanoTime();
                if (toSpeech) {
                    cutOffs.replyStarted(firstSentNanos);
                }
            }
        } else {
            refused = true;
            context.emitUpstream(new Frame.Interrupt(reply.number(), playback.heard(reply), reply.sentences()));
        }
    }

    private ReplyFrame.EndOfReply end(ReplyFrame.EndOfReply end) {
        if (reply == null) {
            return end;
        }
        Reply done = reply;
        reply = null;
        playback.end(done);
        return end.played(firstSentNanos, playback.wasCut(done), playback.heard(done));
    }

    private void hangUp(ReplyFrame.HangUp hangUp) {
        try {
            playback.awaitPlayedOut(hangUp.maxWaitNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("call {}: conversation over, hanging up", callId);
        output.hangUp();
    }
}

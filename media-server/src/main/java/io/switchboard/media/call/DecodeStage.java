package io.switchboard.media.call;

import io.switchboard.media.codec.MuLaw;
import io.switchboard.media.vad.VadEvent;

/** decode: wire mu-law in whatever chunks it came, out as 20 ms frames of 8 kHz PCM (one reused {@link AudioFrame}). */
final class DecodeStage implements Stage {

    private final AudioFrame frame;
    private int filled;

    DecodeStage(int pcm16Capacity) {
        this.frame = new AudioFrame(pcm16Capacity);
    }

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (!(in instanceof MuLawFrame wire)) {
            context.emit(in);
            return;
        }
        for (int i = 0; i < wire.length; ) {
            int take = Math.min(AudioFrame.SAMPLES - filled, wire.length - i);
            MuLaw.decode(wire.bytes, i, take, frame.pcm8, filled);
            filled += take;
            i += take;
            if (filled == AudioFrame.SAMPLES) {
                filled = 0;
                frame.arrivalNanos = wire.arrivalNanos;
                frame.vad = VadEvent.SILENCE;
                frame.quiet = false;
                frame.silenceMillis = 0;
                frame.replayed = false;
                frame.pcm16Length = 0;
                context.emit(frame);
            }
        }
    }
}

package io.switchboard.media.call;

/**
 * pre-roll: only speech goes further down (the resampler and recogniser do nothing between utterances), but the
 * last few frames before each onset are kept and replayed first, marked {@link AudioFrame#replayed}, so the
 * recogniser hears the start of the first word that VAD needed a moment to be sure of.
 */
final class PreRollStage implements Stage {

    private final AudioFrame[] kept;
    private int next;
    private int count;
    private boolean passing;

    PreRollStage(int frames, int pcm16Capacity) {
        this.kept = new AudioFrame[Math.max(1, frames)];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new AudioFrame(pcm16Capacity);
        }
    }

    @Override
    public String name() {
        return "pre-roll";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (in == Frame.Signal.SPEECH_STARTED) {
            context.emit(in);
            int start = (next - count + kept.length) % kept.length;
            for (int k = 0; k < count; k++) {
                AudioFrame old = kept[(start + k) % kept.length];
                old.replayed = true;
                context.emit(old);
            }
            count = 0;
            passing = true;
        } else if (in == Frame.Signal.SPEECH_STOPPED) {
            passing = false;
            context.emit(in);
        } else if (in instanceof AudioFrame frame && !passing) {
            kept[next].copyFrom(frame);
            next = (next + 1) % kept.length;
            count = Math.min(count + 1, kept.length);
        } else {
            context.emit(in);
        }
    }
}

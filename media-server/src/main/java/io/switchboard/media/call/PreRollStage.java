package io.switchboard.media.call;

/**
 * pre-roll: only speech goes further down (the resampler and recogniser do nothing between utterances), but the
 * last few frames before each onset are kept and replayed first, marked {@link AudioFrame#replayed}, so the
 * recogniser hears the start of the first word that VAD needed a moment to be sure of.
 *
 * <p>The pre-roll is {@code frames} frames long <em>including</em> the frame VAD started on (which follows the replay
 * live), as the listener before the pipeline fed it: the small Vosk model is sensitive to how much lead-in it gets,
 * and one frame more (320 ms instead of 300) turned an espeak-ng caller's "i need a repair" into "i mean it".
 */
final class PreRollStage implements Stage {

    private final AudioFrame[] kept;
    private int next;
    private int count;
    private boolean passing;

    /** @param frames pre-roll length in frames, counting the onset frame; 0 or 1 replays nothing */
    PreRollStage(int frames, int pcm16Capacity) {
        this.kept = new AudioFrame[Math.max(0, frames - 1)];
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
            for (int k = 0; k < count; k++) {
                AudioFrame old = kept[(next - count + k + kept.length) % kept.length];
                old.replayed = true;
                context.emit(old);
            }
            count = 0;
            passing = true;
        } else if (in == Frame.Signal.SPEECH_STOPPED) {
            passing = false;
            context.emit(in);
        } else if (in instanceof AudioFrame frame && !passing) {
            if (kept.length == 0) {
                return;
            }
            kept[next].copyFrom(frame);
            next = (next + 1) % kept.length;
            count = Math.min(count + 1, kept.length);
        } else {
            context.emit(in);
        }
    }
}

package io.switchboard.media.call;

import io.switchboard.media.audio.StreamingResampler;

/**
 * resample: 8 kHz telephone audio up to the recogniser's rate, into the frame's {@link AudioFrame#pcm16}. Each
 * utterance (pre-roll first) is resampled as one stretch: audio between utterances never reaches this stage, so the
 * filter starts afresh rather than blending in the end of the previous one.
 */
final class ResampleStage implements Stage {

    private final StreamingResampler upsampler;

    ResampleStage(int outputRate) {
        this.upsampler = new StreamingResampler(8000, outputRate);
    }

    /** Room a frame needs for one resampled 20 ms frame at {@code outputRate}. */
    static int capacity(int outputRate) {
        return new StreamingResampler(8000, outputRate).maxOutputLength(AudioFrame.SAMPLES);
    }

    @Override
    public String name() {
        return "resample";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (in instanceof AudioFrame frame) {
            frame.pcm16Length = upsampler.process(frame.pcm8, 0, AudioFrame.SAMPLES, frame.pcm16, 0);
        } else if (in == Frame.Signal.SPEECH_STARTED) {
            upsampler.reset();
        }
        context.emit(in);
    }
}

package io.switchboard.media.call;

import io.switchboard.media.vad.VadConfig;
import io.switchboard.media.vad.VadEvent;
import io.switchboard.media.vad.VoiceActivityDetector;

/**
 * VAD: marks each frame with the detector's verdict and whether it was quiet, and brackets speech with
 * {@link Frame.Signal#SPEECH_STARTED} (before the frame that started it) and {@link Frame.Signal#SPEECH_STOPPED}
 * (after the frame whose hangover ran out).
 */
final class VadStage implements Stage {

    private final VoiceActivityDetector vad;

    VadStage(VadConfig config, CallClock clock) {
        this.vad = new VoiceActivityDetector(config, clock::nanoTime);
    }

    @Override
    public String name() {
        return "vad";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (!(in instanceof AudioFrame frame)) {
            context.emit(in);
            return;
        }
        VadEvent event = vad.accept(frame.pcm8, 0);
        frame.vad = event;
        // The detector's own test, so a frame is quiet exactly when it would not keep speech going: below the
        // continue threshold over the floor, or below the minimum speech level (a synthesiser's or codec's hiss at
        // -58 dBFS over a floor clamped at -65 is not the caller talking).
        frame.quiet = !vad.lastFrameVoiced();
        switch (event) {
            case SPEECH_STARTED -> {
                context.emit(Frame.Signal.SPEECH_STARTED);
                context.emit(frame);
            }
            case SPEECH_ENDED -> {
                frame.silenceMillis = (int) (vad.streamMillis() - vad.speechEndMillis());
                context.emit(frame);
                context.emit(Frame.Signal.SPEECH_STOPPED);
            }
            default -> context.emit(frame);
        }
    }
}

package io.switchboard.media.call;

import io.switchboard.media.vad.VadEvent;

/**
 * 20 ms of decoded caller audio and what the stages learnt about it: VAD's verdict, whether it was quiet, and (once
 * resampled) the recogniser-rate samples. Reused frame after frame; a stage that keeps audio copies it.
 */
final class AudioFrame implements Frame {

    static final int SAMPLES = 160;

    final short[] pcm8 = new short[SAMPLES];
    final short[] pcm16;
    int pcm16Length;
    long arrivalNanos;
    VadEvent vad = VadEvent.SILENCE;
    /** Below the speech-continues threshold: a pause, even inside speech. */
    boolean quiet;
    /** For {@link VadEvent#SPEECH_ENDED}: stream time between the last voiced frame and this one. */
    int silenceMillis;
    /** Replayed from the pre-roll: audio from before the onset, already seen live. */
    boolean replayed;

    AudioFrame(int pcm16Capacity) {
        this.pcm16 = new short[pcm16Capacity];
    }

    void copyFrom(AudioFrame other) {
        System.arraycopy(other.pcm8, 0, pcm8, 0, SAMPLES);
        arrivalNanos = other.arrivalNanos;
        vad = other.vad;
        quiet = other.quiet;
        silenceMillis = other.silenceMillis;
        replayed = other.replayed;
        pcm16Length = 0;
    }
}

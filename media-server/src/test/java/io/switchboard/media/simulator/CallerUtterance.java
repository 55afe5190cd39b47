package io.switchboard.media.simulator;

import io.switchboard.media.codec.MuLaw;
import java.util.Objects;

/**
 * One thing the caller says, as Twilio would stream it: 8 kHz mu-law in whole 20 ms frames.
 *
 * @param text            what is said (for reports)
 * @param muLaw           the audio, a multiple of {@link #FRAME_BYTES} long
 * @param lastVoicedFrame index of the last frame with speech energy in it (the rest is the synthesiser's trailing
 *                        quiet); a turn's latency is measured from the moment this frame is sent
 */
public record CallerUtterance(String text, byte[] muLaw, int lastVoicedFrame) {

    /** 20 ms of 8 kHz mu-law. */
    public static final int FRAME_BYTES = 160;
    /** RMS (16-bit scale) above which a frame counts as voiced: well above espeak-ng's digital silence. */
    private static final double VOICED_RMS = 200;

    public CallerUtterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(muLaw, "muLaw");
        if (muLaw.length == 0 || muLaw.length % FRAME_BYTES != 0) {
            throw new IllegalArgumentException("audio must be whole 20 ms frames, was " + muLaw.length + " bytes");
        }
        if (lastVoicedFrame < 0 || lastVoicedFrame >= muLaw.length / FRAME_BYTES) {
            throw new IllegalArgumentException("lastVoicedFrame out of range: " + lastVoicedFrame);
        }
    }

    /** {@code muLaw} (whole frames) with its last voiced frame found by energy. */
    public static CallerUtterance of(String text, byte[] muLaw) {
        int frames = muLaw.length / FRAME_BYTES;
        int last = 0;
        for (int f = frames - 1; f >= 0; f--) {
            if (rms(muLaw, f * FRAME_BYTES) > VOICED_RMS) {
                last = f;
                break;
            }
        }
        return new CallerUtterance(text, muLaw, last);
    }

    public int frames() {
        return muLaw.length / FRAME_BYTES;
    }

    /** Length of the audio up to and including the last voiced frame, in ms. */
    public int voicedMillis() {
        return (lastVoicedFrame + 1) * 20;
    }

    private static double rms(byte[] muLaw, int off) {
        double sum = 0;
        for (int i = off; i < off + FRAME_BYTES; i++) {
            double s = MuLaw.decode(muLaw[i]);
            sum += s * s;
        }
        return Math.sqrt(sum / FRAME_BYTES);
    }
}

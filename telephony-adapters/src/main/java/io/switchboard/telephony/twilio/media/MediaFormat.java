package io.switchboard.telephony.twilio.media;

/** The {@code start.mediaFormat} of a stream, e.g. {@code audio/x-mulaw}, 8000 Hz, 1 channel. */
public record MediaFormat(String encoding, int sampleRate, int channels) {

    public static final String MULAW = "audio/x-mulaw";

    /** The only format Twilio streams today and the one the voice pipeline is built for. */
    public static final MediaFormat MULAW_8K_MONO = new MediaFormat(MULAW, 8000, 1);

    public boolean isMulaw8kMono() {
        return MULAW_8K_MONO.equals(this);
    }
}

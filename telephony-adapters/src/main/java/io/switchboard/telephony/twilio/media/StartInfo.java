package io.switchboard.telephony.twilio.media;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata of Twilio's {@code start} message. {@code customParameters} carries the {@code <Parameter>}s the voice
 * webhook put into {@code <Stream>} (see {@code TwimlResponses}); {@code accountSid} may be null if Twilio omits it.
 */
public record StartInfo(
        String streamSid,
        String callSid,
        String accountSid,
        List<String> tracks,
        Map<String, String> customParameters,
        MediaFormat mediaFormat) {

    public StartInfo {
        Objects.requireNonNull(streamSid, "streamSid");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(mediaFormat, "mediaFormat");
        tracks = List.copyOf(tracks);
        customParameters = Map.copyOf(customParameters);
    }
}

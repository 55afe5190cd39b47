package io.switchboard.telephony.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Stream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The TwiML documents Switchboard answers Twilio webhooks with, built with twilio-java's TwiML classes so escaping and
 * element names are Twilio's own.
 */
public final class TwimlResponses {

    /** Custom parameter names carrying the call's webhook parameters into the stream's {@code start} message. */
    public static final String PARAM_CALL_SID = "CallSid";
    public static final String PARAM_FROM = "From";
    public static final String PARAM_TO = "To";
    /** The per-call token proving the stream belongs to a call announced by a signed webhook (CallTokens). */
    public static final String PARAM_TOKEN = "SwitchboardToken";

    private final URI mediaStreamUrl;

    /** @param mediaStreamUrl where Twilio opens the media WebSocket, e.g. {@code wss://switchboard.example/media} */
    public TwimlResponses(URI mediaStreamUrl) {
        Objects.requireNonNull(mediaStreamUrl, "mediaStreamUrl");
        if (!"wss".equals(mediaStreamUrl.getScheme()) || mediaStreamUrl.getHost() == null) {
            // Twilio only connects <Stream> to secure WebSockets.
            throw new IllegalArgumentException("media stream URL must be wss://host/...: " + mediaStreamUrl);
        }
        this.mediaStreamUrl = mediaStreamUrl;
    }

    /** {@code wss://{publicHost}/media}; {@code publicHost} may include a port. */
    public static URI mediaStreamUrlFor(String publicHost) {
        if (publicHost == null || publicHost.isBlank() || publicHost.contains("/")) {
            throw new IllegalArgumentException("public host must be a bare host[:port]: " + publicHost);
        }
        return URI.create("wss://" + publicHost + "/media");
    }

    public URI mediaStreamUrl() {
        return mediaStreamUrl;
    }

    /**
     * Answer to the voice webhook: {@code <Response><Connect><Stream url="wss://.../media">} with the call's SID and
     * numbers as {@code <Parameter>}s, which Twilio hands back in {@code start.customParameters}. Null values are
     * left out (e.g. a withheld caller id).
     */
    public String connectStream(String callSid, String from, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfPresent(params, PARAM_CALL_SID, callSid);
        putIfPresent(params, PARAM_FROM, from);
        putIfPresent(params, PARAM_TO, to);
        return connectStream(params);
    }

    /** As {@link #connectStream(String, String, String)}, plus the per-call stream token as {@value #PARAM_TOKEN}. */
    public String connectStream(String callSid, String from, String to, String token) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfPresent(params, PARAM_CALL_SID, callSid);
        putIfPresent(params, PARAM_FROM, from);
        putIfPresent(params, PARAM_TO, to);
        putIfPresent(params, PARAM_TOKEN, token);
        return connectStream(params);
    }

    /** {@code <Response><Connect><Stream>} with arbitrary custom parameters (in iteration order). */
    public String connectStream(Map<String, String> customParameters) {
        Stream.Builder stream = new Stream.Builder().url(mediaStreamUrl.toString());
        customParameters.forEach((name, value) ->
                stream.parameter(new Parameter.Builder().name(name).value(xmlSafe(value)).build()));
        return new VoiceResponse.Builder()
                .connect(new Connect.Builder().stream(stream.build()).build())
                .build()
                .toXml();
    }

    /** SMS reply: {@code <Response><Message>text</Message></Response>}. */
    public static String message(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an SMS reply needs text; use empty() to send nothing");
        }
        return new MessagingResponse.Builder()
                .message(new Message.Builder(xmlSafe(text)).build())
                .build()
                .toXml();
    }

    /** {@code <Response/>}: acknowledge without replying (opted-out numbers, duplicates already answered). */
    public static String empty() {
        return new MessagingResponse.Builder().build().toXml();
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    /** Drops characters XML 1.0 cannot carry at all (escaping cannot help), which caller-supplied text may hold. */
    static String xmlSafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || isPairedSurrogate(s, i);
            if (!legal && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (legal && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}

package io.switchboard.media.simulator;

import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.voice.CallTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a simulated Twilio presents to an authenticating media server: the {@code X-Twilio-Signature} of the upgrade
 * and the per-call token parameter of {@code start}. Either may be null to play a client that lacks it.
 *
 * @param signature Twilio's signature over the stream URL, sent on the WebSocket upgrade
 * @param token     the {@value TwimlResponses#PARAM_TOKEN} parameter the voice webhook put in the TwiML
 */
public record StreamCredentials(String signature, String token) {

    private static final Pattern TOKEN = Pattern.compile(
            "<Parameter name=\"" + TwimlResponses.PARAM_TOKEN + "\" value=\"([^\"]+)\"/>");

    private static final Pattern STREAM_URL = Pattern.compile("<Stream url=\"([^\"]+)\"");

    /** Neither: what the media server accepts only with verification switched off. */
    public static StreamCredentials none() {
        return new StreamCredentials(null, null);
    }

    /** For unit tests holding the server's keys: signs {@code mediaUrl} and mints the call's token. */
    public static StreamCredentials mint(String authToken, URI mediaUrl, CallTokens tokens, String callSid, String from) {
        return new StreamCredentials(sign(authToken, mediaUrl), tokens.mint(callSid, from));
    }

    /**
     * For end-to-end tests: what Twilio would present after a real {@code POST /twilio/voice} answer — the token of
     * its {@code <Stream>}, and the signature over the stream URL the TwiML names.
     */
    public static StreamCredentials fromTwiml(String twiml, String authToken) {
        Matcher token = TOKEN.matcher(Objects.requireNonNull(twiml, "twiml"));
        Matcher url = STREAM_URL.matcher(twiml);
        if (!token.find() || !url.find()) {
            throw new IllegalArgumentException("no stream URL or token in the TwiML: " + twiml);
        }
        return new StreamCredentials(sign(authToken, URI.create(url.group(1))), token.group(1));
    }

    public StreamCredentials withToken(String other) {
        return new StreamCredentials(signature, other);
    }

    public StreamCredentials withSignature(String other) {
        return new StreamCredentials(other, token);
    }

    /**
     * Twilio's scheme for a request without parameters: Base64 HMAC-SHA1 of the URL, keyed with the auth token
     * (written out here rather than taken from twilio-java, so a server using the library is checked independently).
     */
    public static String sign(String authToken, URI url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(url.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

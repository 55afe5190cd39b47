package io.switchboard.media.simulator;

import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.voice.CallTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Plays Twilio's incoming-call webhook against a running server ({@code POST /twilio/voice}, signed with
     * {@code authToken} over {@code signedUrl}, the URL under the server's SWITCHBOARD_PUBLIC_URL) and returns what
     * Twilio would then present on the stream.
     */
    public static StreamCredentials viaVoiceWebhook(HttpClient http, URI webhook, String signedUrl, String authToken,
                                                    String callSid, String from, String to) throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("CallSid", callSid);
        params.put("From", from);
        params.put("To", to);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        StringBuilder form = new StringBuilder();
        StringBuilder signed = new StringBuilder(signedUrl);
        params.forEach((k, v) -> {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            signed.append(k).append(v);
        });
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", hmacSha1(authToken, signed.toString()))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("voice webhook answered " + response.statusCode());
        }
        return fromTwiml(response.body(), authToken);
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
        return hmacSha1(authToken, url.toString());
    }

    private static String hmacSha1(String authToken, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

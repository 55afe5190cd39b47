package io.switchboard.telephony.twilio;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the {@code X-Twilio-Signature} of a form-encoded Twilio webhook with twilio-java's {@link RequestValidator}.
 *
 * <p>Twilio signs the URL it called, so behind a proxy or tunnel the URL must be rebuilt from the configured public
 * base URL, not from the Host header the server happens to see. Every failure (no header, wrong signature, wrong URL,
 * a validator error) gives the same {@code false}: the caller answers 403 and a forger learns nothing.
 */
public final class TwilioSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;
    private final String publicBase;

    /**
     * @param authToken     the account's auth token (the HMAC key)
     * @param publicBaseUrl how Twilio reaches this server, e.g. {@code https://switchboard.example.co.uk}; may carry a
     *                      path prefix if a proxy mounts the app below one
     */
    public TwilioSignatureVerifier(String authToken, URI publicBaseUrl) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Twilio auth token is required to verify webhooks");
        }
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL: " + publicBaseUrl);
        }
        this.validator = new RequestValidator(authToken);
        String base = publicBaseUrl.toString();
        this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * @param pathAndQuery the request target as received, e.g. {@code /twilio/sms} or {@code /twilio/voice?x=1}
     * @param formParams   the decoded form body (POST parameters); empty for GET webhooks
     * @param signature    the {@value #SIGNATURE_HEADER} header value, possibly null
     */
    public boolean isValid(String pathAndQuery, Map<String, String> formParams, String signature) {
        if (signature == null || signature.isBlank() || pathAndQuery == null || formParams == null) {
            return false;
        }
        try {
            return validator.validate(signedUrl(pathAndQuery), formParams, signature);
        } catch (RuntimeException e) {
            // A malformed URL or parameter must read as "not signed by Twilio", never as a server error.
            return false;
        }
    }

    /**
     * For a request without parameters whose URL is known in full beforehand, e.g. the Media Streams WebSocket
     * upgrade (Twilio signs the {@code wss://} URL it was given in the TwiML): same HMAC, over {@code exactUrl} alone.
     */
    public boolean isValidFor(String exactUrl, String signature) {
        if (signature == null || signature.isBlank() || exactUrl == null) {
            return false;
        }
        try {
            return validator.validate(exactUrl, Map.of(), signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The URL Twilio is expected to have signed for this request target. */
    public String signedUrl(String pathAndQuery) {
        return pathAndQuery.startsWith("/") ? publicBase + pathAndQuery : publicBase + "/" + pathAndQuery;
    }
}

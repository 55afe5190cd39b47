package io.switchboard.telephony.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code X-Hub-Signature-256} header Meta puts on WhatsApp Cloud API webhooks: {@code sha256=} followed by
 * the hex HMAC-SHA256 of the raw request body keyed with the app secret. Run it on the exact bytes received, before
 * parsing, so a forged body is never even parsed. Every failure is the same {@code false}.
 */
public final class WhatsAppSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;

    private final SecretKeySpec key;

    public WhatsAppSignatureVerifier(String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("WhatsApp app secret is required to verify webhooks");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public boolean isValid(byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null) {
            return false;
        }
        byte[] claimed = parseHeader(signatureHeader.trim());
        if (claimed == null) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawBody), claimed);
    }

    /** {@code sha256=<hex>} for a body: what Meta would send. Used by tests and local tooling. */
    public String signatureFor(byte[] rawBody) {
        byte[] mac = mac(rawBody);
        StringBuilder out = new StringBuilder(PREFIX.length() + 2 * mac.length).append(PREFIX);
        for (byte b : mac) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }

    private byte[] mac(byte[] body) {
        try {
            // Mac instances are not thread-safe and cheap next to a webhook round trip: one per check.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] parseHeader(String header) {
        if (header.length() != PREFIX.length() + 2 * MAC_BYTES || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        byte[] out = new byte[MAC_BYTES];
        for (int i = 0; i < MAC_BYTES; i++) {
            int hi = Character.digit(header.charAt(PREFIX.length() + 2 * i), 16);
            int lo = Character.digit(header.charAt(PREFIX.length() + 2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}

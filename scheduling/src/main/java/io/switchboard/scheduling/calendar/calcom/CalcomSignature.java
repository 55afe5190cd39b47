package io.switchboard.scheduling.calendar.calcom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Cal.com's {@code X-Cal-Signature-256}: the hex HMAC-SHA256 of the raw request body with the webhook secret. */
public final class CalcomSignature {

    public static final String HEADER = "X-Cal-Signature-256";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public CalcomSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The signature Cal.com would send for {@code body}. */
    public String sign(byte[] body) {
        return HexFormat.of().formatHex(mac(body));
    }

    /** True when {@code header} is the signature of {@code body}; compared in constant time. */
    public boolean matches(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }
}

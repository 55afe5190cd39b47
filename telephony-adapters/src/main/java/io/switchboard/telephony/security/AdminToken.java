package io.switchboard.telephony.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bearer token of owner and admin APIs. Compared in constant time: both sides are hashed to SHA-256 first and
 * the digests compared with {@link MessageDigest#isEqual}, so neither the position of the first wrong character nor
 * the length of the real token shows in the response time. Never printed: {@link #toString()} says only that it is
 * set.
 */
public final class AdminToken {

    /** Shorter configured tokens are refused: a guessable token is no protection. */
    public static final int MIN_LENGTH = 12;
    /** Shorter configured tokens are accepted with a warning; generated ones have 43 characters. */
    public static final int RECOMMENDED_LENGTH = 32;
    private static final int GENERATED_BYTES = 32;

    private final byte[] digest;

    private AdminToken(String token) {
        this.digest = sha256(token);
    }

    /**
     * @throws IllegalArgumentException when the token is shorter than {@link #MIN_LENGTH} or holds whitespace or
     *                                  control characters (it must survive an HTTP header intact); the message never
     *                                  repeats the token
     */
    public static AdminToken of(String token) {
        Objects.requireNonNull(token, "token");
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("must be printable ASCII without spaces");
            }
        }
        return new AdminToken(token);
    }

    /** A fresh random token: 256 bits from {@link SecureRandom}, URL-safe Base64 (43 characters). */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code presented} is this token; constant time in the presented value. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[set]";
    }
}

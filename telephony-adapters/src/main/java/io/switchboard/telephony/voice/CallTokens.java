package io.switchboard.telephony.voice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks the per-call token {@code POST /twilio/voice} puts into the TwiML {@code <Stream>}: proof that a
 * media stream belongs to a call Twilio announced with a signed webhook, and which caller ID that webhook carried.
 *
 * <p>Format {@code v1.<expiry epoch seconds>.<base64url HMAC-SHA256(key, "v1\ncallSid\nfrom\nexpiry")>}. The CallSid
 * and From travel beside it as their own stream parameters; a token only verifies with the exact values it was minted
 * over. The expiry bounds how long a leaked TwiML can be replayed; single use is enforced separately
 * ({@link UsedCallTokens}), because that needs the database.
 */
public final class CallTokens {

    /** Twilio opens the stream within a second or two of our answer; minutes leave room for a slow network. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(3);
    public static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    /** Generous: the real token is ~60 characters; anything longer is not worth hashing. */
    private static final int MAX_TOKEN_CHARS = 256;

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    public CallTokens(byte[] key, Clock clock, Duration lifetime) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("call token key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("call token lifetime must be positive");
        }
    }

    /** @param from the webhook's {@code From}; null or blank when the caller withheld their number */
    public String mint(String callSid, String from) {
        requireCallSid(callSid);
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        return VERSION + "." + expiry + "." + mac(callSid, normalise(from), expiry);
    }

    /**
     * @param token   the token parameter as received (may be null)
     * @param callSid the CallSid parameter beside it
     * @param from    the From parameter beside it (null when absent)
     */
    public CallTokenCheck check(String token, String callSid, String from) {
        if (token == null || token.isBlank()) {
            return new CallTokenCheck.Invalid("no token");
        }
        if (token.length() > MAX_TOKEN_CHARS || callSid == null || callSid.isBlank() || callSid.length() > 64) {
            return new CallTokenCheck.Invalid("malformed token or CallSid");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return new CallTokenCheck.Invalid("malformed token");
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return new CallTokenCheck.Invalid("malformed token expiry");
        }
        String expected = mac(callSid, normalise(from), expiry);
        // Constant time: a forger learns nothing from how long the comparison took.
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return new CallTokenCheck.Invalid("token signature does not match");
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        if (!clock.instant().isBefore(expiresAt)) {
            return new CallTokenCheck.Invalid("token expired");
        }
        return new CallTokenCheck.Valid(callSid, normalise(from), expiresAt);
    }

    private String mac(String callSid, String from, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((VERSION + "\n" + callSid + "\n" + from + "\n" + expiry)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String normalise(String from) {
        return from == null ? "" : from.strip();
    }

    private static void requireCallSid(String callSid) {
        if (callSid == null || callSid.isBlank() || callSid.length() > 64) {
            throw new IllegalArgumentException("a call token needs a CallSid");
        }
    }
}

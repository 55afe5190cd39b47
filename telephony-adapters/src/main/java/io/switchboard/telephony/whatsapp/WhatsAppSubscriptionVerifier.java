package io.switchboard.telephony.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The GET handshake Meta performs when a webhook URL is registered: {@code hub.mode=subscribe},
 * {@code hub.verify_token} equal to the token configured on both sides, and {@code hub.challenge} to echo back.
 */
public final class WhatsAppSubscriptionVerifier {

    private static final int MAX_CHALLENGE_LENGTH = 512;

    private final byte[] verifyToken;

    public WhatsAppSubscriptionVerifier(String verifyToken) {
        if (verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalArgumentException("WhatsApp verify token is required");
        }
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the challenge to answer with 200 text/plain, or empty if the request must be refused (403)
     */
    public Optional<String> challengeFor(String mode, String token, String challenge) {
        boolean tokenMatches = token != null
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !tokenMatches || !isEchoable(challenge)) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    /** The challenge is echoed into a response body, so only short printable ASCII is sent back. */
    private static boolean isEchoable(String challenge) {
        if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE_LENGTH) {
            return false;
        }
        for (int i = 0; i < challenge.length(); i++) {
            char c = challenge.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }
}

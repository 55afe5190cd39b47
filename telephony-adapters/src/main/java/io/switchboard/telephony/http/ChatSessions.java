package io.switchboard.telephony.http;

import io.switchboard.dialog.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The engine's session id for a {@code /v1/chat} conversation. The client's {@code session_id} never reaches the
 * session store as is: it is hashed together with who is asking (public visitor or trusted integration, and the
 * proven number if any) under a {@code chat-} prefix. So a public chat can never open an SMS, WhatsApp or voice
 * session (those ids are phone numbers and call ids), and the same {@code session_id} from a different identity is a
 * different conversation that reveals nothing of the other.
 */
final class ChatSessions {

    private ChatSessions() {
    }

    /** At most {@code "chat-api:".length() + 43} characters, well under the session store's limit. */
    static String engineId(boolean trusted, Identity identity, String clientSessionId) {
        String owner = identity.proof() + "\u0000" + identity.phone().orElse("");
        return (trusted ? "chat-api:" : "chat-web:") + hash(owner + "\u0000" + clientSessionId);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

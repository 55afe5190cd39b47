package io.switchboard.telephony.http;

import io.switchboard.dialog.Identity;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * A validated {@code POST /v1/chat} body.
 *
 * @param sessionId the client's conversation id, 1 to 128 characters
 * @param channel   which channel's phrasing the reply should use; only a trusted integration may choose it, the
 *                  public chat is always {@code web}
 * @param from      the sender's phone number as given, or null; believed only from a trusted integration
 * @param text      the message, at most {@link ApiLimits#MAX_TEXT} characters; may be empty
 */
public record ChatRequest(String sessionId, Channel channel, String from, String text) {

    public ChatRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The engine's view of this message.
     *
     * @param trusted  it came with the admin token: the channel and {@code from} it names are believed
     * @param phones   reads {@code from} as a phone number (E.164)
     */
    public TurnRequest toTurn(boolean trusted, PhoneNumberNormalizer phones) {
        Identity identity = trusted && from != null
                ? phones.toE164(from).map(n -> Identity.signedBy(n, Identity.Proof.TRUSTED_INTEGRATION))
                        .orElse(Identity.none())
                : Identity.none();
        // A public visitor has proved nothing yet (the one-time-code flow will prove a number): no channel choice, no from.
        Channel effective = trusted ? channel : Channel.WEB;
        return TurnRequest.typed(effective, ChatSessions.engineId(trusted, identity, sessionId), identity, text);
    }

    /**
     * Reads and checks a request body. Unknown fields are ignored so clients may send more than this version reads.
     *
     * @throws BadRequestException naming the first problem found
     */
    public static ChatRequest parse(Buffer body) {
        if (body == null || body.length() == 0) {
            throw new BadRequestException("request body must be a JSON object");
        }
        Object decoded;
        try {
            decoded = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new BadRequestException("request body is not valid JSON");
        }
        if (!(decoded instanceof JsonObject json)) {
            throw new BadRequestException("request body must be a JSON object");
        }
        String sessionId = requiredString(json, "session_id");
        if (sessionId.isBlank()) {
            throw new BadRequestException("session_id must not be empty");
        }
        if (sessionId.length() > ApiLimits.MAX_SESSION_ID) {
            throw new BadRequestException("session_id must be at most " + ApiLimits.MAX_SESSION_ID + " characters");
        }
        String channelName = requiredString(json, "channel");
        Channel channel = Channel.fromWire(channelName)
                .orElseThrow(() -> new BadRequestException("channel must be one of sms, whatsapp, web, voice"));
        String from = optionalString(json, "from");
        if (from != null && from.length() > ApiLimits.MAX_FROM) {
            throw new BadRequestException("from must be at most " + ApiLimits.MAX_FROM + " characters");
        }
        if (from != null && from.isBlank()) {
            from = null;
        }
        String text = requiredString(json, "text");
        if (text.length() > ApiLimits.MAX_TEXT) {
            throw new BadRequestException("text must be at most " + ApiLimits.MAX_TEXT + " characters");
        }
        return new ChatRequest(sessionId, channel, from, text);
    }

    private static String requiredString(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            throw new BadRequestException(field + " is required");
        }
        if (!(value instanceof String s)) {
            throw new BadRequestException(field + " must be a string");
        }
        return s;
    }

    private static String optionalString(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new BadRequestException(field + " must be a string");
        }
        return s;
    }
}

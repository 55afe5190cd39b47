package io.switchboard.telephony.whatsapp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WhatsApp Cloud API webhook bodies ({@code entry[].changes[].value}): text messages with their sender, id,
 * timestamp and profile name; other message types as {@link WhatsAppNonTextMessage}; status updates counted and
 * ignored. One broken message entry is skipped without losing the others in the same delivery.
 *
 * <p>Verify the signature with {@link WhatsAppSignatureVerifier} first. Thread-safe.
 */
public final class WhatsAppPayloadParser {

    /** Meta's notifications are a few KiB; anything this large is not one. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build());

    private final int maxBodyBytes;

    public WhatsAppPayloadParser() {
        this(DEFAULT_MAX_BODY_BYTES);
    }

    public WhatsAppPayloadParser(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public WhatsAppWebhookBatch parse(byte[] rawBody) throws WhatsAppPayloadException {
        if (rawBody == null || rawBody.length == 0) {
            throw new WhatsAppPayloadException("empty body");
        }
        if (rawBody.length > maxBodyBytes) {
            throw new WhatsAppPayloadException("body of " + rawBody.length + " bytes exceeds " + maxBodyBytes);
        }
        JsonNode root;
        try {
            root = JSON.readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw new WhatsAppPayloadException("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WhatsAppPayloadException("unreadable body", e);
        }
        if (root == null || !root.isObject()) {
            throw new WhatsAppPayloadException("body is not a JSON object");
        }
        if (!"whatsapp_business_account".equals(root.path("object").asText(null))) {
            throw new WhatsAppPayloadException("not a whatsapp_business_account notification");
        }

        List<WhatsAppInboundMessage> messages = new ArrayList<>();
        int statuses = 0;
        int skipped = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!value.isObject()) {
                    continue;
                }
                statuses += value.path("statuses").size();
                String businessNumberId = textOrNull(value.path("metadata").path("phone_number_id"));
                Map<String, String> names = profileNames(value.path("contacts"));
                for (JsonNode message : value.path("messages")) {
                    WhatsAppInboundMessage parsed = toMessage(message, names, businessNumberId);
                    if (parsed == null) {
                        skipped++;
                    } else {
                        messages.add(parsed);
                    }
                }
            }
        }
        return new WhatsAppWebhookBatch(messages, statuses, skipped);
    }

    private static Map<String, String> profileNames(JsonNode contacts) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : contacts) {
            String waId = textOrNull(contact.path("wa_id"));
            String name = textOrNull(contact.path("profile").path("name"));
            if (waId != null && name != null) {
                names.put(waId, name);
            }
        }
        return names;
    }

    private static WhatsAppInboundMessage toMessage(JsonNode message, Map<String, String> names,
            String businessNumberId) {
        String id = textOrNull(message.path("id"));
        String from = textOrNull(message.path("from"));
        Instant timestamp = epochSeconds(message.path("timestamp"));
        String type = textOrNull(message.path("type"));
        if (id == null || from == null || !isWaId(from) || timestamp == null || type == null) {
            return null;
        }
        String fromE164 = "+" + from;
        String profileName = names.get(from);
        if ("text".equals(type)) {
            String body = textOrNull(message.path("text").path("body"));
            if (body == null) {
                return null;
            }
            return new WhatsAppTextMessage(id, fromE164, timestamp, profileName, businessNumberId, body);
        }
        return new WhatsAppNonTextMessage(id, fromE164, timestamp, profileName, businessNumberId, type);
    }

    /** A WhatsApp id is the sender's full international number, digits only. */
    private static boolean isWaId(String from) {
        if (from.length() < 6 || from.length() > 15 || from.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < from.length(); i++) {
            if (from.charAt(i) < '0' || from.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Instant epochSeconds(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        String text = textOrNull(node);
        if (text == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}

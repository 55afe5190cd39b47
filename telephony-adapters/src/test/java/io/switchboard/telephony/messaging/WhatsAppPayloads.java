package io.switchboard.telephony.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Cloud API webhook bodies shaped like Meta's, built with Jackson so any text is escaped properly. */
final class WhatsAppPayloads {

    static final String WA_ID = TextChannelsHarness.CALLER.substring(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode value;

    WhatsAppPayloads() {
        this(TextChannelsHarness.PHONE_NUMBER_ID);
    }

    WhatsAppPayloads(String businessPhoneNumberId) {
        root.put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages");
        value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "441174960000")
                .put("phone_number_id", businessPhoneNumberId);
        value.putArray("contacts").addObject().put("wa_id", WA_ID).putObject("profile").put("name", "Jane Doe");
    }

    static String newId() {
        return "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgg" + IDS.incrementAndGet();
    }

    WhatsAppPayloads text(String id, String body) {
        message(id, "text").putObject("text").put("body", body);
        return this;
    }

    WhatsAppPayloads image(String id) {
        message(id, "image").putObject("image").put("mime_type", "image/jpeg").put("id", "1479537139650973");
        return this;
    }

    WhatsAppPayloads reaction(String id) {
        message(id, "reaction").putObject("reaction").put("message_id", "wamid.earlier").put("emoji", "👍");
        return this;
    }

    WhatsAppPayloads delivered(String id) {
        ArrayNode statuses = value.has("statuses") ? (ArrayNode) value.get("statuses") : value.putArray("statuses");
        statuses.addObject().put("id", id).put("status", "delivered").put("timestamp", "1795424400")
                .put("recipient_id", WA_ID);
        return this;
    }

    /** One delivery carrying several entries, e.g. for two business numbers; handled in this order. */
    static String combined(WhatsAppPayloads first, WhatsAppPayloads... more) {
        ObjectNode root = first.root.deepCopy();
        ArrayNode entries = (ArrayNode) root.get("entry");
        for (WhatsAppPayloads p : more) {
            entries.addAll((ArrayNode) p.root.get("entry"));
        }
        return root.toString();
    }

    String json() {
        return root.toString();
    }

    private ObjectNode message(String id, String type) {
        ArrayNode messages = value.has("messages") ? (ArrayNode) value.get("messages") : value.putArray("messages");
        return messages.addObject().put("from", WA_ID).put("id", id).put("timestamp", "1795424400").put("type", type);
    }
}

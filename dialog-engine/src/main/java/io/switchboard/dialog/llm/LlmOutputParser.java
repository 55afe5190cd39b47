package io.switchboard.dialog.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.switchboard.models.Intent;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a model's reply into an {@link LlmInterpretation}, treating it as untrusted input.
 *
 * <p>The reply must be exactly one JSON object (a surrounding markdown code fence is tolerated, any other text
 * is not: prose around the object is a sign the model did not follow the contract or was talked out of it).
 * No valid intent, or nothing usable at all, gives an empty result. Each slot is checked on its own and dropped
 * when it fails: service ids must be the business's, dates ISO and within a year from today, times HH:mm,
 * phone numbers read by scheduling's PhoneNumberNormalizer (stored as E.164), free text cleaned and capped.
 * Logs say why a reply was rejected, never what it contained.
 */
public final class LlmOutputParser {

    public static final int MAX_REPLY_CHARS = 4_000;
    public static final int MAX_NAME = 80;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_PROBLEM = 300;

    private static final Logger LOG = LoggerFactory.getLogger(LlmOutputParser.class);
    private static final Pattern FENCE = Pattern.compile("(?s)^```(?:json|JSON)?\\s*(.*?)\\s*```$");
    private static final Pattern HH_MM = Pattern.compile("^\\d{2}:\\d{2}$");
    private static final Pattern YYYY_MM_DD = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final ObjectMapper json;

    public LlmOutputParser() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // two "intent" keys would let injected text override the first one unnoticed
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxStringLength(MAX_REPLY_CHARS).build());
        this.json = mapper;
    }

    /** The validated interpretation, or empty when the reply is unusable. */
    public Optional<LlmInterpretation> parse(String reply, LlmContext context) {
        if (reply == null || reply.isBlank()) {
            LOG.info("LLM reply rejected: empty");
            return Optional.empty();
        }
        if (reply.length() > MAX_REPLY_CHARS) {
            LOG.info("LLM reply rejected: {} characters, limit {}", reply.length(), MAX_REPLY_CHARS);
            return Optional.empty();
        }
        String body = reply.strip();
        var fenced = FENCE.matcher(body);
        if (fenced.matches()) {
            body = fenced.group(1);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            LOG.info("LLM reply rejected: not a single JSON object");
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            LOG.info("LLM reply rejected: JSON is not an object");
            return Optional.empty();
        }
        Optional<Intent> intent = intent(root.get("intent"));
        if (intent.isEmpty()) {
            LOG.info("LLM reply rejected: missing or unknown intent");
            return Optional.empty();
        }
        LlmInterpretation result = new LlmInterpretation(intent.get(),
                text(root, "name", MAX_NAME),
                phone(root.get("phone"), context.phoneRegion()),
                text(root, "address", MAX_ADDRESS),
                text(root, "problem", MAX_PROBLEM),
                serviceId(firstPresent(root, "service_id", "serviceId"), context.services()),
                date(root.get("date"), context.now().toLocalDate()),
                time(root.get("time")),
                root.path("emergency").isBoolean() && root.get("emergency").booleanValue());
        if (result.intent() == Intent.UNKNOWN && !result.hasSlots()) {
            LOG.info("LLM reply rejected: no intent and no usable detail");
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private static Optional<Intent> intent(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        String name = node.textValue().strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Intent i : Intent.values()) {
            if (i.name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static JsonNode firstPresent(JsonNode root, String... names) {
        for (String n : names) {
            JsonNode node = root.get(n);
            if (node != null && !node.isNull()) {
                return node;
            }
        }
        return null;
    }

    private static Optional<String> textual(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            LOG.debug("LLM slot {} dropped: not a string", field);
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private static Optional<String> text(JsonNode root, String field, int max) {
        return textual(root.get(field), field).flatMap(v -> UntrustedText.clean(v, max));
    }

    private static Optional<String> phone(JsonNode node, String region) {
        // The same rule as every other phone the system stores: scheduling's normaliser.
        Optional<String> e164 = textual(node, "phone").flatMap(raw -> new PhoneNumberNormalizer(region).toE164(raw));
        if (e164.isEmpty() && node != null && !node.isNull()) {
            LOG.debug("LLM slot phone dropped: not a phone number");
        }
        return e164;
    }

    private static Optional<String> serviceId(JsonNode node, Map<String, String> services) {
        return textual(node, "service_id").flatMap(raw -> {
            String wanted = raw.strip();
            for (String id : services.keySet()) {
                if (id.equalsIgnoreCase(wanted)) {
                    return Optional.of(id);
                }
            }
            LOG.debug("LLM slot service_id dropped: not one of the business's services");
            return Optional.empty();
        });
    }

    private static Optional<LocalDate> date(JsonNode node, LocalDate today) {
        return textual(node, "date").flatMap(raw -> {
            String value = raw.strip();
            try {
                if (YYYY_MM_DD.matcher(value).matches()) {
                    LocalDate date = LocalDate.parse(value);
                    if (!date.isBefore(today) && !date.isAfter(today.plusYears(1))) {
                        return Optional.of(date);
                    }
                }
            } catch (DateTimeParseException e) {
                // dropped below
            }
            LOG.debug("LLM slot date dropped: not an ISO date within a year from today");
            return Optional.empty();
        });
    }

    private static Optional<LocalTime> time(JsonNode node) {
        return textual(node, "time").flatMap(raw -> {
            String value = raw.strip();
            try {
                if (HH_MM.matcher(value).matches()) {
                    return Optional.of(LocalTime.parse(value));
                }
            } catch (DateTimeParseException e) {
                // dropped below
            }
            LOG.debug("LLM slot time dropped: not HH:mm");
            return Optional.empty();
        });
    }
}

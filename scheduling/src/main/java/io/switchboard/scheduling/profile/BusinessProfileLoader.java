package io.switchboard.scheduling.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.models.BookingRules;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.OpeningHours;
import io.switchboard.models.Owner;
import io.switchboard.models.ServiceType;
import io.switchboard.models.WeeklyHours;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a business profile YAML document and checks it, failing with a {@link ProfileException} that names the
 * field, so a typo stops start-up instead of surfacing as a wrong booking later.
 */
public final class BusinessProfileLoader {

    /** Classpath location of the sample profile used when none is configured. */
    public static final String SAMPLE_RESOURCE = "/profiles/bristol-plumbing.yaml";

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern PIN = Pattern.compile("\\d{4,8}");
    static final int RECOMMENDED_PIN_DIGITS = 6;
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> KNOWN_KEYS = Set.of("name", "timezone", "phone_region", "service_area", "owner",
            "hours", "blackout_dates", "booking", "services", "emergency_keywords", "faq");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public BusinessProfile loadSample() {
        try (InputStream in = BusinessProfileLoader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new ProfileException("(sample)", "sample profile missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new ProfileException("(sample)", "cannot read the sample profile", e);
        }
    }

    public BusinessProfile load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ProfileException("(file)", "cannot read profile " + path + ": " + e.getMessage(), e);
        }
        return parse(bytes);
    }

    public BusinessProfile parse(byte[] document) {
        JsonNode root;
        try {
            root = yaml.readTree(document);
        } catch (JsonProcessingException e) {
            throw new ProfileException("(document)", "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileException("(document)", "cannot read YAML", e);
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException("(document)", "expected a mapping at the top level");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KNOWN_KEYS.contains(key)) {
                throw new ProfileException(key, "unknown field (known: " + String.join(", ", KNOWN_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String name = requiredText(root, "name");
        ZoneId zone = zone(requiredText(root, "timezone"));
        String region = requiredText(root, "phone_region").toUpperCase(Locale.ROOT);
        PhoneNumberNormalizer phones = phoneNormalizer(region);

        return new BusinessProfile(
                name,
                zone,
                region,
                hours(root.path("hours")),
                blackouts(root.path("blackout_dates")),
                rules(root.path("booking")),
                services(root.path("services")),
                owner(root.path("owner"), phones),
                stringList(root.path("emergency_keywords"), "emergency_keywords"),
                faq(root.path("faq")),
                optionalText(root, "service_area"));
    }

    private static PhoneNumberNormalizer phoneNormalizer(String region) {
        if (!PhoneNumberNormalizer.isSupportedRegion(region)) {
            throw new ProfileException("phone_region", "'" + region + "' is not an ISO 3166 region such as GB or US");
        }
        return new PhoneNumberNormalizer(region);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ProfileException("timezone", "'" + id + "' is not a time zone such as Europe/London");
        }
    }

    private static WeeklyHours hours(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            throw new ProfileException("hours", "required: a mapping of weekday to open intervals like [\"08:00-18:00\"]");
        }
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "hours." + e.getKey();
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(e.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new ProfileException(field, "not a day of the week");
            }
            List<OpeningHours> intervals = new ArrayList<>();
            List<String> texts = stringList(e.getValue(), field);
            for (int i = 0; i < texts.size(); i++) {
                intervals.add(interval(field + "[" + i + "]", texts.get(i)));
            }
            days.put(day, intervals);
        }
        try {
            return new WeeklyHours(days);
        } catch (IllegalArgumentException ex) {
            throw new ProfileException("hours", ex.getMessage());
        }
    }

    private static OpeningHours interval(String field, String text) {
        Matcher m = HOURS.matcher(text.trim());
        if (!m.matches()) {
            throw new ProfileException(field, "'" + text + "' is not an interval like 08:00-18:00");
        }
        try {
            return new OpeningHours(LocalTime.parse(pad(m.group(1))), LocalTime.parse(pad(m.group(2))));
        } catch (DateTimeException | IllegalArgumentException ex) {
            throw new ProfileException(field, "'" + text + "': " + ex.getMessage());
        }
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }

    private static Set<LocalDate> blackouts(JsonNode node) {
        Set<LocalDate> dates = new HashSet<>();
        List<String> texts = stringList(node, "blackout_dates");
        for (int i = 0; i < texts.size(); i++) {
            try {
                dates.add(LocalDate.parse(texts.get(i).trim()));
            } catch (DateTimeException e) {
                throw new ProfileException("blackout_dates[" + i + "]", "'" + texts.get(i) + "' is not a date like 2026-12-25");
            }
        }
        return dates;
    }

    private static BookingRules rules(JsonNode node) {
        if (!node.isObject()) {
            throw new ProfileException("booking", "required: buffer_between_jobs, minimum_notice, booking_horizon, max_bookings_per_day");
        }
        Duration buffer = DurationText.parse("booking.buffer_between_jobs", requiredText(node, "buffer_between_jobs", "booking."));
        Duration notice = DurationText.parse("booking.minimum_notice", requiredText(node, "minimum_notice", "booking."));
        Duration horizon = DurationText.parse("booking.booking_horizon", requiredText(node, "booking_horizon", "booking."));
        JsonNode max = node.path("max_bookings_per_day");
        if (!max.canConvertToInt() || max.asInt() < 1) {
            throw new ProfileException("booking.max_bookings_per_day", "required: a whole number of at least 1");
        }
        Duration step = node.has("slot_step")
                ? DurationText.parse("booking.slot_step", node.path("slot_step").asText())
                : Duration.ofMinutes(30);
        if (horizon.isZero()) {
            throw new ProfileException("booking.booking_horizon", "must be longer than zero");
        }
        if (step.isZero()) {
            throw new ProfileException("booking.slot_step", "must be longer than zero");
        }
        return new BookingRules(buffer, notice, horizon, max.asInt(), step);
    }

    private static List<ServiceType> services(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new ProfileException("services", "required: at least one service");
        }
        List<ServiceType> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int emergencies = 0;
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String prefix = "services[" + i + "].";
            String id = requiredText(s, "id", prefix);
            if (!SERVICE_ID.matcher(id).matches()) {
                throw new ProfileException(prefix + "id", "'" + id + "' must be lower-case letters, digits and dashes");
            }
            if (!ids.add(id)) {
                throw new ProfileException(prefix + "id", "duplicate service id '" + id + "'");
            }
            Duration duration = DurationText.parse(prefix + "duration", requiredText(s, "duration", prefix));
            if (duration.isZero()) {
                throw new ProfileException(prefix + "duration", "must be longer than zero");
            }
            boolean emergency = s.path("emergency").asBoolean(false);
            if (emergency) {
                emergencies++;
            }
            services.add(new ServiceType(id, requiredText(s, "name", prefix),
                    stringList(s.path("synonyms"), prefix + "synonyms"), duration, optionalText(s, "price"), emergency));
        }
        if (emergencies > 1) {
            throw new ProfileException("services", "at most one service may be marked emergency: true");
        }
        return services;
    }

    private static Owner owner(JsonNode node, PhoneNumberNormalizer phones) {
        if (!node.isObject()) {
            throw new ProfileException("owner", "required: phone and pin");
        }
        String raw = requiredText(node, "phone", "owner.");
        String phone = phones.toE164(raw).orElseThrow(
                () -> new ProfileException("owner.phone", "not a valid phone number"));
        String pin = requiredText(node, "pin", "owner.");
        if (!PIN.matcher(pin).matches()) {
            throw new ProfileException("owner.pin", "must be 4 to 8 digits");
        }
        if (pin.length() < RECOMMENDED_PIN_DIGITS) {
            // the lockout caps guessing, but 4 digits is still 1 in 10,000 per try: say so without printing it
            org.slf4j.LoggerFactory.getLogger(BusinessProfileLoader.class).warn(
                    "owner.pin has only {} digits; use at least {}", pin.length(), RECOMMENDED_PIN_DIGITS);
        }
        return new Owner(optionalText(node, "name"), phone, pin);
    }

    private static List<FaqEntry> faq(JsonNode node) {
        List<FaqEntry> entries = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return entries;
        }
        if (!node.isArray()) {
            throw new ProfileException("faq", "must be a list of {topic, keywords, answer}");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode f = node.get(i);
            String prefix = "faq[" + i + "].";
            entries.add(new FaqEntry(requiredText(f, "topic", prefix),
                    stringList(f.path("keywords"), prefix + "keywords").stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(),
                    requiredText(f, "answer", prefix)));
        }
        return entries;
    }

    private static List<String> stringList(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new ProfileException(field, "must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw new ProfileException(field + "[" + i + "]", "must be non-empty text");
            }
            out.add(v.asText().trim());
        }
        return out;
    }

    private static String requiredText(JsonNode node, String key) {
        return requiredText(node, key, "");
    }

    private static String requiredText(JsonNode node, String key, String prefix) {
        JsonNode v = node.path(key);
        if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw new ProfileException(prefix + key, "required");
        }
        return v.asText().trim();
    }

    private static String optionalText(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isValueNode() && !v.isNull() ? v.asText().trim() : "";
    }
}

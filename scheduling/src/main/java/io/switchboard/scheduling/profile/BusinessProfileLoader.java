package io.switchboard.scheduling.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.models.BookingRules;
import io.switchboard.models.BusinessKind;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Greeting;
import io.switchboard.models.IntakeField;
import io.switchboard.models.OpeningHours;
import io.switchboard.models.Owner;
import io.switchboard.models.SafetyRule;
import io.switchboard.models.ServiceType;
import io.switchboard.models.WeeklyHours;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a business profile YAML document and checks it strictly, failing with a {@link ProfileException} that names
 * the field and its path, so a typo stops start-up instead of surfacing as a wrong booking later: unknown keys are
 * errors at every level, booleans are {@code true}/{@code false} only, and one synonym cannot point at two services.
 * Error messages describe what was expected and never quote the document (see {@link ProfileNode}).
 */
public final class BusinessProfileLoader {

    /** Classpath location of the sample profile used when none is configured. */
    public static final String SAMPLE_RESOURCE = "/profiles/bristol-plumbing.yaml";
    /** Classpath location of the second sample: a dentist, whose patients come in. */
    public static final String DENTAL_SAMPLE_RESOURCE = "/profiles/bristol-dental.yaml";

    /** Shorter owner PINs are refused: they fall to guessing. */
    public static final int MIN_PIN_DIGITS = 4;
    /** PINs shorter than this load with a warning. */
    public static final int RECOMMENDED_PIN_DIGITS = 6;
    static final int MAX_PIN_DIGITS = 8;
    /** A greeting is one or two sentences; a voice greeting much longer keeps the caller waiting. */
    static final int MAX_GREETING = 300;
    /** Safety advice is said before anything else, so it must stay short enough to be heard out. */
    static final int MAX_ADVICE = 400;

    private static final Logger LOG = LoggerFactory.getLogger(BusinessProfileLoader.class);
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private static final Set<String> TOP_KEYS = Set.of("id", "name", "kind", "timezone", "phone_region",
            "service_area", "greeting", "intake", "owner", "hours", "blackout_dates", "booking", "services",
            "emergency_keywords", "faq", "safety");
    private static final Set<String> OWNER_KEYS = Set.of("name", "phone", "pin");
    private static final Set<String> BOOKING_KEYS = Set.of("buffer_between_jobs", "minimum_notice",
            "booking_horizon", "max_bookings_per_day", "slot_step", "buffer_around_calendar_events");
    private static final Set<String> SERVICE_KEYS = Set.of("id", "name", "duration", "price", "emergency", "synonyms");
    private static final Set<String> FAQ_KEYS = Set.of("topic", "keywords", "answer");
    private static final Set<String> SAFETY_KEYS = Set.of("id", "signs", "advice");
    private static final Set<String> GREETING_KEYS = Set.of("voice", "text", "disclosure");
    private static final Set<String> DAY_KEYS = Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Consumer<ProfileWarning> warnings;

    /** Warnings go to the log. */
    public BusinessProfileLoader() {
        this(w -> LOG.warn("business profile: {}", w));
    }

    /** Warnings go to {@code warnings} (the {@code profile} command prints them; tests collect them). */
    public BusinessProfileLoader(Consumer<ProfileWarning> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public BusinessProfile loadSample() {
        return loadResource(SAMPLE_RESOURCE);
    }

    /** A profile bundled on the classpath, such as {@link #SAMPLE_RESOURCE} or {@link #DENTAL_SAMPLE_RESOURCE}. */
    public BusinessProfile loadResource(String resource) {
        try (InputStream in = BusinessProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfileException("(sample)", "sample profile " + resource + " missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new ProfileException("(sample)", "cannot read the sample profile " + resource, e);
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
        ProfileNode root = ProfileNode.root(readTree(document));
        if (!root.isMapping()) {
            throw root.problem("expected a mapping of profile keys (name, timezone, hours, services...) at the top level");
        }
        root.allowOnly(TOP_KEYS);
        String name = root.field("name").requiredText();
        ZoneId zone = zone(root.field("timezone"));
        ProfileNode regionField = root.field("phone_region");
        String region = regionField.requiredText().toUpperCase(Locale.ROOT);
        PhoneNumberNormalizer phones = phoneNormalizer(regionField, region);
        BusinessKind kind = kind(root.field("kind"));

        return new BusinessProfile(
                name,
                zone,
                region,
                hours(root.field("hours")),
                blackouts(root.field("blackout_dates")),
                rules(root.field("booking")),
                services(root.field("services")),
                owner(root.field("owner"), phones),
                root.field("emergency_keywords").texts(),
                faq(root.field("faq")),
                root.field("service_area").optionalText(),
                id(root.field("id"), name),
                kind,
                intake(root.field("intake"), kind),
                greeting(root.field("greeting")),
                safety(root.field("safety")));
    }

    /**
     * {@code file} with the owner's dashboard settings applied, checked by the same rules and with the same messages
     * as a profile file: the settings are written into a document of the file's shape and read back by the very code
     * that reads the file, so a field named in an error ({@code hours.monday[0]}) is where the owner typed it.
     *
     * @throws ProfileException naming the first field that is not valid
     */
    public BusinessProfile withOwnerSettings(BusinessProfile file, OwnerSettings settings) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode hours = document.putObject("hours");
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String> texts = settings.hours().containsKey(day) ? settings.hours().get(day)
                    : file.hours().on(day).stream().map(h -> h.open() + "-" + h.close()).toList();
            if (!texts.isEmpty()) {
                // A closed day is left out, as in a file, so "at least one open day" holds for the owner too.
                texts.forEach(hours.putArray(day.name().toLowerCase(Locale.ROOT))::add);
            }
        }
        ArrayNode blackouts = document.putArray("blackout_dates");
        if (settings.blackouts() == null) {
            file.blackoutDates().stream().sorted().forEach(d -> blackouts.add(d.toString()));
        } else {
            settings.blackouts().forEach(blackouts::add);
        }
        ArrayNode faq = document.putArray("faq");
        for (FaqEntry entry : file.faq()) {
            ObjectNode item = faq.addObject().put("topic", entry.topic())
                    .put("answer", settings.faqAnswers().getOrDefault(entry.topic(), entry.answer()));
            entry.keywords().forEach(item.putArray("keywords")::add);
        }
        ProfileNode root = ProfileNode.root(document);
        return file.withOwnerSettings(hours(root.field("hours")), blackouts(root.field("blackout_dates")),
                faq(root.field("faq")));
    }

    private JsonNode readTree(byte[] document) {
        try {
            return yaml.readTree(document);
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the offending line; only its position is safe to repeat.
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProfileException("(document)", "not valid YAML" + where);
        } catch (IOException e) {
            throw new ProfileException("(document)", "cannot read YAML");
        }
    }

    private static String id(ProfileNode field, String name) {
        if (field.isMissing()) {
            String slug = BusinessProfile.slugOf(name);
            if (slug.isEmpty()) {
                throw field.problem("required when the name has no letters or digits");
            }
            return slug;
        }
        String id = field.requiredText();
        if (!SLUG.matcher(id).matches()) {
            throw field.problem("must be lower-case letters, digits and dashes, like bristol-plumbing");
        }
        return id;
    }

    private static BusinessKind kind(ProfileNode field) {
        if (field.isMissing()) {
            return BusinessKind.TRADES;
        }
        return BusinessKind.ofKey(field.requiredText().toLowerCase(Locale.ROOT)).orElseThrow(() -> field.problem(
                "must be one of " + Arrays.stream(BusinessKind.values()).map(BusinessKind::key)
                        .collect(Collectors.joining(", "))));
    }

    private static Set<IntakeField> intake(ProfileNode field, BusinessKind kind) {
        if (field.isMissing()) {
            return kind.defaultIntake();
        }
        String known = Arrays.stream(IntakeField.values()).map(IntakeField::key).collect(Collectors.joining(", "));
        if (!field.isList()) {
            throw field.problem("must be a list of " + known);
        }
        Set<IntakeField> fields = EnumSet.noneOf(IntakeField.class);
        for (int i = 0; i < field.size(); i++) {
            ProfileNode item = field.element(i);
            fields.add(IntakeField.ofKey(item.requiredText().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> item.problem("must be one of " + known)));
        }
        if (!fields.contains(IntakeField.PHONE)) {
            throw field.problem("must include phone: confirmations, changes and cancellations go by it");
        }
        return fields;
    }

    private static Greeting greeting(ProfileNode field) {
        if (field.isMissing()) {
            return Greeting.STANDARD;
        }
        if (field.isMapping()) {
            field.allowOnly(GREETING_KEYS);
            return new Greeting(greetingText(field.field("voice")), greetingText(field.field("text")),
                    greetingText(field.field("disclosure")));
        }
        return Greeting.of(greetingText(field));
    }

    private static String greetingText(ProfileNode field) {
        String text = field.optionalText();
        if (text.length() > MAX_GREETING) {
            throw field.problem("at most " + MAX_GREETING + " characters");
        }
        return text;
    }

    private static PhoneNumberNormalizer phoneNormalizer(ProfileNode field, String region) {
        if (!PhoneNumberNormalizer.isSupportedRegion(region)) {
            throw field.problem("not an ISO 3166 region such as GB or US");
        }
        return new PhoneNumberNormalizer(region);
    }

    private static ZoneId zone(ProfileNode field) {
        String id = field.requiredText();
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw field.problem("not a time zone such as Europe/London");
        }
    }

    private static WeeklyHours hours(ProfileNode node) {
        node.requiredMapping("a mapping of weekday to open intervals like [\"08:00-18:00\"]");
        if (node.size() == 0) {
            throw node.problem("required: at least one open day");
        }
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (String key : node.keys()) {
            String lower = key.strip().toLowerCase(Locale.ROOT);
            if (!DAY_KEYS.contains(lower)) {
                throw node.rejectKey(key, DAY_KEYS, "not a day of the week");
            }
            ProfileNode day = node.field(key);
            List<OpeningHours> intervals = new ArrayList<>();
            List<String> texts = day.texts();
            for (int i = 0; i < texts.size(); i++) {
                intervals.add(interval(day.element(i), texts.get(i)));
            }
            days.put(DayOfWeek.valueOf(lower.toUpperCase(Locale.ROOT)), intervals);
        }
        try {
            return new WeeklyHours(days);
        } catch (IllegalArgumentException ex) {
            throw node.problem(ex.getMessage());
        }
    }

    private static OpeningHours interval(ProfileNode field, String text) {
        Matcher m = HOURS.matcher(text.strip());
        if (!m.matches()) {
            throw field.problem("not an interval like 08:00-18:00");
        }
        try {
            return new OpeningHours(LocalTime.parse(pad(m.group(1))), LocalTime.parse(pad(m.group(2))));
        } catch (DateTimeException | IllegalArgumentException ex) {
            throw field.problem("not an interval like 08:00-18:00 that opens before it closes");
        }
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }

    private static Set<LocalDate> blackouts(ProfileNode node) {
        Set<LocalDate> dates = new HashSet<>();
        List<String> texts = node.texts();
        for (int i = 0; i < texts.size(); i++) {
            try {
                dates.add(LocalDate.parse(texts.get(i).strip()));
            } catch (DateTimeException e) {
                throw node.element(i).problem("not a date like 2026-12-25");
            }
        }
        return dates;
    }

    private static BookingRules rules(ProfileNode node) {
        node.requiredMapping("buffer_between_jobs, minimum_notice, booking_horizon, max_bookings_per_day");
        node.allowOnly(BOOKING_KEYS);
        Duration buffer = duration(node.field("buffer_between_jobs"));
        Duration notice = duration(node.field("minimum_notice"));
        Duration horizon = duration(node.field("booking_horizon"));
        int max = node.field("max_bookings_per_day").wholeNumber(1);
        ProfileNode stepField = node.field("slot_step");
        Duration step = stepField.isMissing() ? Duration.ofMinutes(30) : duration(stepField);
        ProfileNode aroundField = node.field("buffer_around_calendar_events");
        Duration around = aroundField.isMissing() ? Duration.ZERO : duration(aroundField);
        if (around.compareTo(Duration.ofHours(12)) > 0) {
            throw aroundField.problem("at most 12h");
        }
        if (horizon.isZero()) {
            throw node.field("booking_horizon").problem("must be longer than zero");
        }
        if (step.isZero()) {
            throw stepField.problem("must be longer than zero");
        }
        return new BookingRules(buffer, notice, horizon, max, step, around);
    }

    private static Duration duration(ProfileNode field) {
        return DurationText.parse(field.path(), field.requiredText());
    }

    private static List<ServiceType> services(ProfileNode node) {
        if (!node.isList() || node.size() == 0) {
            throw node.problem("required: at least one service");
        }
        List<ServiceType> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // Lower-cased synonym or service name → index of the service that claimed it first.
        Map<String, Integer> phrases = new HashMap<>();
        int emergencies = 0;
        for (int i = 0; i < node.size(); i++) {
            ProfileNode s = node.element(i).requiredMapping("a mapping of id, name, duration, price, synonyms");
            s.allowOnly(SERVICE_KEYS);
            ProfileNode idField = s.field("id");
            String id = idField.requiredText();
            if (!SLUG.matcher(id).matches()) {
                throw idField.problem("must be lower-case letters, digits and dashes");
            }
            if (!ids.add(id)) {
                throw idField.problem("duplicate service id (each service needs its own)");
            }
            Duration duration = duration(s.field("duration"));
            if (duration.isZero()) {
                throw s.field("duration").problem("must be longer than zero");
            }
            boolean emergency = s.field("emergency").bool(false);
            if (emergency) {
                emergencies++;
            }
            String name = s.field("name").requiredText();
            claim(phrases, name, i, services, s.field("name"));
            ProfileNode synonymsField = s.field("synonyms");
            List<String> synonyms = synonymsField.texts();
            for (int k = 0; k < synonyms.size(); k++) {
                claim(phrases, synonyms.get(k), i, services, synonymsField.element(k));
            }
            services.add(new ServiceType(id, name, synonyms, duration, s.field("price").optionalText(), emergency));
        }
        if (emergencies > 1) {
            throw node.problem("at most one service may be marked emergency: true");
        }
        return services;
    }

    /** One phrase names one service: a synonym shared by two would make the match a coin toss. */
    private static void claim(Map<String, Integer> phrases, String phrase, int service, List<ServiceType> earlier,
                              ProfileNode field) {
        String key = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Integer owner = phrases.putIfAbsent(key, service);
        if (owner != null && owner != service) {
            throw field.problem("the same synonym is already used by service " + earlier.get(owner).id()
                    + " (services[" + owner + "]); a synonym may point at one service only");
        }
    }

    private Owner owner(ProfileNode node, PhoneNumberNormalizer phones) {
        node.requiredMapping("phone and pin");
        node.allowOnly(OWNER_KEYS);
        ProfileNode phoneField = node.field("phone");
        String phone = phones.toE164(phoneField.requiredText()).orElseThrow(
                () -> phoneField.problem("not a valid phone number"));
        return new Owner(node.field("name").optionalText(), phone, pin(node.field("pin")));
    }

    private String pin(ProfileNode field) {
        if (!field.isMissing() && !field.isText()) {
            // Unquoted, YAML reads 012345 as a number and drops the leading zero.
            throw field.problem("must be written in quotes, like pin: \"482916\"");
        }
        String pin = field.requiredText();
        if (!DIGITS.matcher(pin).matches()) {
            throw field.problem("must be digits only");
        }
        if (pin.length() < MIN_PIN_DIGITS) {
            throw field.problem("must be at least " + MIN_PIN_DIGITS + " digits (" + RECOMMENDED_PIN_DIGITS
                    + " recommended)");
        }
        if (pin.length() > MAX_PIN_DIGITS) {
            throw field.problem("must be at most " + MAX_PIN_DIGITS + " digits");
        }
        if (pin.length() < RECOMMENDED_PIN_DIGITS) {
            warnings.accept(new ProfileWarning(field.path(), "a " + pin.length()
                    + "-digit PIN is easy to guess; use " + RECOMMENDED_PIN_DIGITS + " or more digits"));
        }
        return pin;
    }

    /**
     * The safety rules: each an id, the signs that describe the danger and the advice to say first. A sign names one
     * rule only, and every sign needs a word to match on.
     */
    private static List<SafetyRule> safety(ProfileNode node) {
        List<SafetyRule> rules = new ArrayList<>();
        if (node.isMissing()) {
            return rules;
        }
        if (!node.isList()) {
            throw node.problem("must be a list of {id, signs, advice}");
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> signOwners = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            ProfileNode r = node.element(i).requiredMapping("a mapping of id, signs, advice");
            r.allowOnly(SAFETY_KEYS);
            ProfileNode idField = r.field("id");
            String id = idField.requiredText();
            if (!SLUG.matcher(id).matches()) {
                throw idField.problem("must be lower-case letters, digits and dashes, like gas");
            }
            if (!ids.add(id)) {
                throw idField.problem("duplicate safety rule id (each rule needs its own)");
            }
            ProfileNode signsField = r.field("signs");
            if (!signsField.isList() || signsField.size() == 0) {
                throw signsField.problem("required: a list of phrases that describe the danger, like [smell of gas]");
            }
            List<String> signs = signsField.texts();
            for (int k = 0; k < signs.size(); k++) {
                String key = signs.get(k).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (!key.matches(".*\\p{L}.*")) {
                    throw signsField.element(k).problem("must contain a word");
                }
                String owner = signOwners.putIfAbsent(key, id);
                if (owner != null && !owner.equals(id)) {
                    throw signsField.element(k).problem("the same sign is already used by safety rule " + owner
                            + "; a sign may point at one rule only");
                }
            }
            ProfileNode adviceField = r.field("advice");
            String advice = adviceField.requiredText();
            if (advice.length() > MAX_ADVICE) {
                throw adviceField.problem("at most " + MAX_ADVICE + " characters: it is said before anything else");
            }
            rules.add(new SafetyRule(id, signs, advice.strip()));
        }
        return rules;
    }

    private static List<FaqEntry> faq(ProfileNode node) {
        List<FaqEntry> entries = new ArrayList<>();
        if (node.isMissing()) {
            return entries;
        }
        if (!node.isList()) {
            throw node.problem("must be a list of {topic, keywords, answer}");
        }
        for (int i = 0; i < node.size(); i++) {
            ProfileNode f = node.element(i).requiredMapping("a mapping of topic, keywords, answer");
            f.allowOnly(FAQ_KEYS);
            entries.add(new FaqEntry(f.field("topic").requiredText(),
                    f.field("keywords").texts().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList(),
                    f.field("answer").requiredText()));
        }
        return entries;
    }
}

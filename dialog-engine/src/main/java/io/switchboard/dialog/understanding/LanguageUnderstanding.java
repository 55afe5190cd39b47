package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The rule-based understanding of one turn: normalizes the text, then runs the extractors and the intent classifier
 * with what the dialog asked last in mind. Stateless and thread-safe; one instance serves every conversation.
 * Never throws on any text: empty or garbage input gives {@link Understanding#unknown}.
 */
public final class LanguageUnderstanding {

    private static final Logger LOG = LoggerFactory.getLogger(LanguageUnderstanding.class);
    private static final Pattern PIN_WORD = Pattern.compile("\\b(?:pin|passcode|code)\\b");
    private static final Pattern MONTH_WORD = Pattern.compile("\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct"
            + "|nov|dec)[a-z]*\\b");
    private static final int MAX_PROBLEM_CHARS = 300;

    private final TextNormalizer normalizer = new TextNormalizer();
    private final AddressExtractor addresses = new AddressExtractor();
    private final PhoneExtractor phones = new PhoneExtractor();
    private final PinExtractor pins = new PinExtractor();
    private final NameExtractor names = new NameExtractor();
    private final DateTimeExtractor dates = new DateTimeExtractor();
    private final EmergencyDetector emergencies = new EmergencyDetector();
    private final ChoiceExtractor choices = new ChoiceExtractor();
    private final FaqMatcher faqs = new FaqMatcher();
    private final IntentClassifier classifier = new IntentClassifier();

    public Understanding understand(String text, UnderstandingContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        NormalizedText normalized;
        try {
            normalized = normalizer.normalize(text);
        } catch (RuntimeException e) {
            LOG.warn("normalizing a turn failed: {}", e.getClass().getName());
            return Understanding.unknown("", "");
        }
        if (normalized.isEmpty()) {
            return Understanding.unknown("", normalized.original());
        }
        try {
            return analyse(normalized, ctx);
        } catch (RuntimeException e) {
            // A rule bug must not end a call; the caller is asked to rephrase. The text is not logged (PII).
            LOG.warn("understanding a turn of {} characters failed: {}", normalized.text().length(),
                    e.getClass().getName());
            return Understanding.unknown(normalized.text(), normalized.original());
        }
    }

    private Understanding analyse(NormalizedText normalized, UnderstandingContext ctx) {
        BusinessProfile profile = ctx.profile();
        ZonedDateTime now = ctx.now().withZoneSameInstant(profile.timezone());
        Expectation expected = ctx.expected();
        String text = normalized.text();
        String rest = text;

        Optional<AddressExtractor.Match> address = addresses.find(text, expected == Expectation.ADDRESS);
        if (address.isPresent()) {
            rest = remove(rest, address.get().matchedText());
        }
        Optional<PhoneExtractor.Match> phone = expected == Expectation.PIN ? Optional.empty()
                : phones.find(rest, profile.phoneRegion());
        if (phone.isPresent()) {
            rest = remove(rest, phone.get().matchedText());
        }
        String pin = null;
        if (expected == Expectation.PIN || (expected != Expectation.PHONE && PIN_WORD.matcher(text).find())) {
            pin = pins.extract(rest).orElse(null);
            if (pin != null) {
                rest = removeDigits(rest);
            }
        }
        String name = names.extract(text, expected == Expectation.NAME).orElse(null);
        boolean addressAnswer = expected == Expectation.ADDRESS && address.isPresent();
        List<TimePreference> times = addressAnswer ? List.of()
                : dates.extract(rest, now, expected == Expectation.DATE_TIME || expected == Expectation.SLOT_CHOICE);
        ServiceType service = ServiceMatcher.of(profile.services()).match(text).orElse(null);
        boolean emergency = emergencies.isEmergency(text, profile.emergencyKeywords());

        Integer chosen = null;
        if (!ctx.offeredStarts().isEmpty()) {
            Optional<ChoiceExtractor.Choice> choice = choices.choose(text, ctx.offeredStarts(), now);
            if (choice.isPresent()) {
                chosen = choice.get().index();
                if (choice.get().byPosition() && !MONTH_WORD.matcher(text).find()) {
                    // "the second" picked an option; it is not also the 2nd of the month.
                    int position = chosen + 1;
                    times = times.stream().filter(t -> !(t.time() == null && t.partOfDay() == null
                            && t.date() != null && t.date().getDayOfMonth() == position)).toList();
                }
            }
        }

        IntentResult result = classifier.classify(normalized, profile, expected);
        Intent intent = result.intent();
        double confidence = result.confidence();
        boolean intentConfident = result.confident();
        if (intent == Intent.OWNER_BRIEFING) {
            // "any emergencies this afternoon" asks about the diary; it neither reports nor books anything.
            emergency = false;
            service = null;
        }
        if (service != null && service.emergency() && !emergency) {
            // "it's not urgent" names the emergency service only to rule it out.
            service = null;
        }
        if (intent == Intent.GREETING && expected == Expectation.DATE_TIME && !times.isEmpty()) {
            // "morning" answering "when suits you?" is a time, not a greeting.
            intent = Intent.UNKNOWN;
            confidence = 0;
            intentConfident = false;
        }
        if (intent == Intent.UNKNOWN && chosen != null) {
            intent = Intent.AFFIRM;
            confidence = 0.8;
            intentConfident = true;
        } else if (intent == Intent.UNKNOWN && expected == Expectation.NONE && !times.isEmpty()) {
            intent = Intent.BOOK;
            confidence = IntentClassifier.CONFIDENT;
            intentConfident = true;
        }
        String problem = problem(normalized, expected, intent, service, emergency);
        boolean slotQuestion = expected != Expectation.NONE && expected != Expectation.YES_NO
                && expected != Expectation.SLOT_CHOICE;
        if (slotQuestion && (intent == Intent.AFFIRM || intent == Intent.DENY)
                && answered(expected, name, phone.isPresent(), address.isPresent(), problem, service, times, pin)) {
            // "yeah it's mary jones" answers the name question; the "yeah" is not a yes to anything.
            intent = Intent.UNKNOWN;
            confidence = 0;
            intentConfident = false;
        }
        FaqEntry faq = intent == Intent.QUESTION ? faqs.match(text, profile.faq()).orElse(null) : null;

        boolean answered = switch (expected) {
            case SLOT_CHOICE -> chosen != null || !times.isEmpty();
            case YES_NO -> intent == Intent.AFFIRM || intent == Intent.DENY;
            default -> answered(expected, name, phone.isPresent(), address.isPresent(), problem, service, times, pin);
        };
        return new Understanding(intent, confidence, intentConfident || answered, Optional.ofNullable(name),
                phone.map(PhoneExtractor.Match::e164), address.map(AddressExtractor.Match::address),
                address.map(AddressExtractor.Match::postcode), Optional.ofNullable(problem),
                Optional.ofNullable(service), times, emergency, Optional.ofNullable(pin),
                chosen == null ? OptionalInt.empty() : OptionalInt.of(chosen), Optional.ofNullable(faq), text,
                normalized.original());
    }

    private static boolean answered(Expectation expected, String name, boolean phone, boolean address, String problem,
                                    ServiceType service, List<TimePreference> times, String pin) {
        return switch (expected) {
            case NAME -> name != null;
            case PHONE -> phone;
            case ADDRESS -> address;
            case PROBLEM -> problem != null;
            case SERVICE -> service != null;
            case DATE_TIME -> !times.isEmpty();
            case PIN -> pin != null;
            default -> false;
        };
    }

    private static String problem(NormalizedText normalized, Expectation expected, Intent intent, ServiceType service,
                                  boolean emergency) {
        String original = normalized.original().strip();
        if (original.length() > MAX_PROBLEM_CHARS) {
            original = original.substring(0, MAX_PROBLEM_CHARS);
        }
        boolean shortReply = normalized.tokens().size() <= 2
                && (intent == Intent.AFFIRM || intent == Intent.DENY || intent == Intent.GREETING);
        boolean mere = shortReply || intent == Intent.GOODBYE || intent == Intent.HUMAN || intent == Intent.CANCEL
                || intent == Intent.UNKNOWN && !normalized.original().chars().anyMatch(Character::isLetter);
        if (expected == Expectation.PROBLEM && !mere) {
            return original;
        }
        if ((service != null || emergency) && (intent == Intent.BOOK || intent == Intent.EMERGENCY)) {
            return original;
        }
        return null;
    }

    private static String remove(String text, String part) {
        if (part == null || part.isEmpty()) {
            return text;
        }
        return text.replace(part, " ").replaceAll(" +", " ").trim();
    }

    private static String removeDigits(String text) {
        return text.replaceAll("\\b\\d+\\b", " ").replaceAll(" +", " ").trim();
    }
}

package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    private static final Set<String> NAME_COURTESIES = Set.of("please", "pls", "thanks", "thank", "thx", "thanx", "ty",
            "cheers", "mate",
            "here", "speaking", "calling", "love", "ta");
    private static final Set<String> NOT_IN_NAMES = Set.of("yes", "no", "yeah", "nope", "ok", "okay", "the", "a", "an",
            "i", "my", "is", "it", "what", "when", "how", "why", "who", "where", "not", "sure", "dont", "do", "know",
            "please", "thanks", "sorry", "you", "your", "we", "me", "and", "or", "but", "of", "to", "for", "at", "on",
            "in", "with", "that", "this", "there", "here", "can", "could", "would", "will", "need", "want", "have",
            "has", "got", "get", "just", "um", "er", "erm", "hmm", "uh", "speak", "person", "someone", "cancel",
            "book", "booking", "appointment", "tomorrow", "today", "morning", "afternoon", "evening", "help");
    /** "3 p m", and "one pm" where "one" was left a word (it is also "the first one"). */
    /** Punctuation after a whole word (not an initial, not a title) ends the caller's sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b(?:Mr|Mrs|Ms|Dr|Mx|St))(?<=\\p{L}{2})[.!?;,] +");
    private static final Pattern SPOKEN_MERIDIEM = Pattern.compile("\\b(\\d{1,2}(?::\\d{2})?|one|two|three|four|five"
            + "|six|seven|eight|nine|ten|eleven|twelve) (?:([ap]) m|([ap]m))\\b");
    private static final java.util.Map<String, String> HOUR_WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("one", "1"), java.util.Map.entry("two", "2"), java.util.Map.entry("three", "3"),
            java.util.Map.entry("four", "4"), java.util.Map.entry("five", "5"), java.util.Map.entry("six", "6"),
            java.util.Map.entry("seven", "7"), java.util.Map.entry("eight", "8"), java.util.Map.entry("nine", "9"),
            java.util.Map.entry("ten", "10"), java.util.Map.entry("eleven", "11"), java.util.Map.entry("twelve", "12"));
    private static final Pattern ADDRESS_PREFIX = Pattern.compile("\\b(?:(?:flat|unit|apartment|apt|suite|block) (?:\\d{1,4}[a-z]?|[a-z])"
            + "|(?:basement|ground floor|top floor) flat)\\b");

    private final TextNormalizer normalizer = new TextNormalizer();
    private final AddressExtractor addresses = new AddressExtractor();
    private final PhoneExtractor phones = new PhoneExtractor();
    private final PinExtractor pins = new PinExtractor();
    private final NameExtractor names = new NameExtractor();
    private final EmailExtractor emails = new EmailExtractor();
    private final DateTimeExtractor dates = new DateTimeExtractor();
    private final EmergencyDetector emergencies = new EmergencyDetector();
    private final ChoiceExtractor choices = new ChoiceExtractor();
    private final FaqMatcher faqs = new FaqMatcher();
    private final IntentClassifier classifier = new IntentClassifier();

    public Understanding understand(String text, UnderstandingContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        NormalizedText normalized;
        try {
            normalized = joinSpokenMeridiem(normalizer.normalize(text));
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

    /**
     * Speech-to-text writes "three p m" as separate letters (and so does our own voice phrasing); the date rules
     * read "3 pm". Joined here so every extractor sees one form.
     */
    private static NormalizedText joinSpokenMeridiem(NormalizedText n) {
        java.util.regex.Matcher m = SPOKEN_MERIDIEM.matcher(n.text());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String hour = HOUR_WORDS.getOrDefault(m.group(1), m.group(1));
            String meridiem = m.group(2) != null ? m.group(2) + "m" : m.group(3);
            m.appendReplacement(b, hour + " " + meridiem);
        }
        m.appendTail(b);
        String joined = b.toString();
        return joined.equals(n.text()) ? n : new NormalizedText(n.original(), joined);
    }

    private Understanding analyse(NormalizedText normalized, UnderstandingContext ctx) {
        BusinessProfile profile = ctx.profile();
        ZonedDateTime now = ctx.now().withZoneSameInstant(profile.timezone());
        Expectation expected = ctx.expected();
        String text = normalized.text();

        ReadingResolver.Resolution resolved = ReadingResolver.resolve(Tokens.of(text), expected,
                proposers(ctx, now, normalized));
        String name = resolved.get(Reading.Name.class).map(Reading.Name::name).orElse(null);
        Optional<Reading.Phone> phone = resolved.get(Reading.Phone.class);
        String email = resolved.get(Reading.Email.class).map(Reading.Email::email).orElse(null);
        Optional<Reading.Address> address = resolved.get(Reading.Address.class).map(a -> withPrefix(a, text));
        String pin = resolved.get(Reading.Pin.class).map(Reading.Pin::digits).orElse(null);
        List<TimePreference> times = resolved.get(Reading.Times.class).map(Reading.Times::times).orElse(List.of());
        Integer chosen = resolved.get(Reading.Choice.class).map(Reading.Choice::index).orElse(null);
        ServiceType service = ServiceMatcher.of(profile.services()).match(outsideNamesAndAddresses(text, resolved))
                .orElse(null);
        boolean emergency = emergencies.isEmergency(text, profile.emergencyKeywords());

        // The FAQ only sees words no slot reading used: "Will Cash" is a name, "sat 28th" a day, not questions.
        IntentResult result = classifier.classify(normalized, profile, expected, resolved.unclaimed());
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
        if (intent == Intent.QUESTION && name != null && !classifier.hasQuestionCue(normalized)) {
            // "my name is Rose Price" answers with a name; a keyword left over is not a question.
            intent = Intent.UNKNOWN;
            confidence = 0;
            intentConfident = false;
        }
        if (intent == Intent.GREETING && expected.is(Expectation.Slot.DATE_TIME) && !times.isEmpty()) {
            // "morning" answering "when suits you?" is a time, not a greeting.
            intent = Intent.UNKNOWN;
            confidence = 0;
            intentConfident = false;
        }
        if (intent == Intent.UNKNOWN && chosen != null) {
            intent = Intent.AFFIRM;
            confidence = 0.8;
            intentConfident = true;
        } else if (intent == Intent.UNKNOWN && !times.isEmpty()
                && (expected.is(Expectation.Slot.NONE) || expected.is(Expectation.Slot.CHANGE))) {
            intent = Intent.BOOK;
            confidence = IntentClassifier.CONFIDENT;
            intentConfident = true;
        }
        boolean correction = DialogActs.correction(text);
        boolean earlier = DialogActs.wantsEarlier(text);
        if (earlier) {
            // "nothing sooner??" asks for other options: it neither picks "the earliest" offer nor says yes.
            chosen = null;
            if (intent == Intent.AFFIRM || intent == Intent.DENY || intent == Intent.UNKNOWN) {
                intent = Intent.UNKNOWN;
                confidence = 0;
                intentConfident = true;
            }
        }
        if (correction && times.size() == 2 && DialogActs.rulesOutFirst(text)) {
            times = List.of(times.get(1)); // "not tuesday, wednesday"
        }
        List<TimePreference> existing = List.of();
        int split = intent == Intent.RESCHEDULE ? DialogActs.moveSplit(text) : -1;
        if (split > 0) {
            // "move my appointment tomorrow to wednesday afternoon": the day before "to" names the booking
            existing = dates.extract(text.substring(0, split), now, false);
            times = dates.extract(text.substring(split).replaceFirst("^\\w+ ", ""), now, true);
        }
        String problem = problem(normalized, expected, intent, service, emergency);
        boolean slotQuestion = !expected.is(Expectation.Slot.NONE) && !expected.is(Expectation.Slot.YES_NO)
                && !expected.is(Expectation.Slot.SLOT_CHOICE);
        if (slotQuestion && (intent == Intent.AFFIRM || intent == Intent.DENY)
                && answered(expected, name, phone.isPresent(), address.isPresent(), problem, service, times, pin)) {
            // "yeah it's mary jones" answers the name question; the "yeah" is not a yes to anything.
            intent = Intent.UNKNOWN;
            confidence = 0;
            intentConfident = false;
        }
        FaqEntry faq = intent == Intent.QUESTION ? faqs.match(resolved.unclaimed(), profile.faq()).orElse(null) : null;

        boolean answered = switch (expected.slot()) {
            case SLOT_CHOICE -> chosen != null || !times.isEmpty();
            case YES_NO -> intent == Intent.AFFIRM || intent == Intent.DENY;
            default -> answered(expected, name, phone.isPresent(), address.isPresent(), problem, service, times, pin);
        };
        return new Understanding(intent, confidence, intentConfident || answered, Optional.ofNullable(name),
                phone.map(Reading.Phone::e164), address.map(Reading.Address::address),
                address.map(Reading.Address::postcode), Optional.ofNullable(problem),
                Optional.ofNullable(service), times, emergency, Optional.ofNullable(pin),
                chosen == null ? OptionalInt.empty() : OptionalInt.of(chosen), Optional.ofNullable(faq), text,
                normalized.original(), correction, earlier, existing, Optional.ofNullable(email),
                address.map(Reading.Address::parts));
    }

    /** Every extractor, wrapped to say which words it used and how sure it is. */
    private List<ReadingResolver.Proposer> proposers(UnderstandingContext ctx, ZonedDateTime now,
                                                     NormalizedText normalized) {
        String text = normalized.text();
        Expectation expected = ctx.expected();
        BusinessProfile profile = ctx.profile();
        List<ReadingResolver.Proposer> out = new ArrayList<>();
        out.add(t -> addresses.find(t.text(), expected.is(Expectation.Slot.ADDRESS)).map(m -> new Reading.Address(
                m.address(), m.postcode(), m.parts(), m.span() != null ? t.covering(m.span()) : located(t, m.matchedText()),
                m.postcode() != null ? 0.95 : 0.92)));
        // an email is scored above an address so "john at smith street dot com" is never stored as one
        out.add(t -> emails.find(new NormalizedText(normalized.original(), t.text()))
                .map(m -> new Reading.Email(m.email(), t.covering(m.span()), 0.97)));
        out.add(t -> addressPrefix(t));
        if (!expected.is(Expectation.Slot.PIN)) {
            out.add(t -> phones.find(t.text(), profile.phoneRegion())
                    .map(m -> new Reading.Phone(m.e164(),
                            m.span() != null ? t.covering(m.span()) : located(t, m.matchedText()), 0.9)));
        }
        if (expected.is(Expectation.Slot.PIN) || (!expected.is(Expectation.Slot.PHONE) && PIN_WORD.matcher(text).find())) {
            out.add(t -> pins.extract(t.text()).map(d -> new Reading.Pin(d,
                    t.where(w -> w.chars().allMatch(Character::isDigit)), expected.is(Expectation.Slot.PIN) ? 0.9 : 0.7)));
        }
        out.add(t -> {
            NormalizedText words = new NormalizedText(normalized.original(), t.text());
            Optional<Reading.Name> found = names.find(words, false)
                    .map(n -> new Reading.Name(n.name(), t.covering(n.span()), 0.85))
                    .or(() -> expected.is(Expectation.Slot.NAME)
                            ? names.find(words, true).map(n -> new Reading.Name(n.name(), t.covering(n.span()), 0.55))
                            : Optional.empty());
            found = found.map(LanguageUnderstanding::toSentenceEnd).map(n -> capitalisedNext(t, n, normalized));
            if (!expected.is(Expectation.Slot.NAME)) {
                return found.map(n -> wholeName(t, n, 1));
            }
            return found.map(n -> wholeName(t, n, 2)).or(() -> plainWordsAsName(t, normalized, profile));
        });
        // a correction ("actually can it be 11") is about a time as much as an answer to "when?" is
        boolean timeExpected = expected.is(Expectation.Slot.DATE_TIME) || expected.is(Expectation.Slot.SLOT_CHOICE)
                || DialogActs.correction(text);
        out.add(t -> {
            List<TimePreference> times = dates.extract(t.text(), now, timeExpected);
            if (times.isEmpty()) {
                return Optional.empty();
            }
            boolean strong = t.words().stream().anyMatch(ReadingWords::stronglyWhen);
            return Optional.of(new Reading.Times(times, t.where(ReadingWords::when), strong ? 0.85 : 0.45));
        });
        if (!ctx.offeredStarts().isEmpty()) {
            out.add(t -> choices.choose(t.text(), ctx.offeredStarts(), now)
                    .filter(c -> !(c.byPosition() && MONTH_WORD.matcher(t.text()).find() && t.size() > 2))
                    .map(c -> new Reading.Choice(c.index(), t.where(ReadingWords::pick),
                            t.size() <= 2 && !c.byPosition() ? 0.95 : c.byPosition() ? 0.8 : 0.92)));
        }
        return out;
    }

    /**
     * {@code text} without the words a kept name or address reading used. The service is matched on the rest: "when
     * same size clean streets" heard for an address is an address, not a drain cleaning, and "Rose Drain" a name.
     */
    private static String outsideNamesAndAddresses(String text, ReadingResolver.Resolution resolved) {
        List<Words> taken = resolved.readings().stream()
                .filter(r -> r instanceof Reading.Address || r instanceof Reading.Name).map(Reading::words).toList();
        if (taken.isEmpty()) {
            return text;
        }
        List<String> words = Tokens.of(text).words();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            final int at = i;
            if (taken.stream().noneMatch(w -> w.contains(at))) {
                rest.append(rest.isEmpty() ? "" : " ").append(words.get(i));
            }
        }
        return rest.toString();
    }

    /**
     * "name's Dan Price. we're at ...": a word typed with a capital right after the name, and ending the caller's
     * sentence, is the rest of the name however everyday it is ("Price").
     */
    private static Reading.Name capitalisedNext(Tokens t, Reading.Name n, NormalizedText normalized) {
        String[] parts = n.name().split("\\s+");
        if (parts.length >= 4) {
            return n;
        }
        String last = parts[parts.length - 1].replaceAll("[^\\p{L}'-]", "");
        if (last.isEmpty()) {
            return n;
        }
        java.util.regex.Matcher m = Pattern.compile("(?i:\\b" + Pattern.quote(last) + ")\\s+(\\p{Lu}[\\p{Ll}'-]+)"
                + "(?=[.,!?;]|\\s*$)").matcher(normalized.original());
        if (!m.find()) {
            return n;
        }
        String next = m.group(1);
        int at = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.words().get(i).equals(next.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", ""))) {
                at = i;
                break;
            }
        }
        if (at < 0 || NOT_IN_NAMES.contains(t.words().get(at))) {
            return n;
        }
        return new Reading.Name(n.name() + " " + next, n.words().union(Words.range(at, at + 1)), n.confidence());
    }

    /** "Hannah Wright. around then is fine": a typed name stops where the caller's sentence did, before "thanks". */
    private static Reading.Name toSentenceEnd(Reading.Name n) {
        java.util.regex.Matcher end = SENTENCE_END.matcher(n.name());
        String name = end.find() ? n.name().substring(0, end.start()) : n.name();
        // "A.J. Patel thanks": a closing courtesy is not a surname
        String[] parts = name.split("\\s+");
        int keep = parts.length;
        while (keep > 1 && NAME_COURTESIES.contains(parts[keep - 1].toLowerCase(Locale.ROOT).replaceAll("\\W", ""))) {
            keep--;
        }
        name = String.join(" ", java.util.Arrays.copyOf(parts, keep));
        return name.equals(n.name()) ? n : new Reading.Name(name, n.words(), n.confidence());
    }

    /**
     * The words after the name the rules found are part of it when they end the
     * message and are plain words: "it's Dan Price" is Dan Price, however everyday "price" is. A name has at most
     * four words; a courtesy at the end ("thanks") is not one of them.
     */
    private static Reading.Name wholeName(Tokens t, Reading.Name n, int maxTail) {
        int last = -1;
        for (int i = 0; i < t.size(); i++) {
            if (n.words().contains(i)) {
                last = i;
            }
        }
        if (last < 0) {
            return n;
        }
        List<String> tail = new ArrayList<>();
        for (int i = last + 1; i < t.size(); i++) {
            String w = t.words().get(i);
            if (NAME_COURTESIES.contains(w)) {
                break;
            }
            if (!w.chars().allMatch(Character::isLetter) || NOT_IN_NAMES.contains(w) || ReadingWords.when(w)) {
                return n;
            }
            tail.add(w);
        }
        int nameWords = n.name().split("\\s+").length;
        if (tail.isEmpty() || tail.size() > maxTail || nameWords + tail.size() > 4) {
            return n;
        }
        StringBuilder name = new StringBuilder(n.name());
        BitSet words = new BitSet();
        for (int i = 0; i < t.size(); i++) {
            if (n.words().contains(i) || (i > last && i <= last + tail.size())) {
                words.set(i);
            }
        }
        for (String w : tail) {
            name.append(' ').append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return new Reading.Name(name.toString(), Words.of(words), n.confidence());
    }

    /**
     * Answering "what's your name?" with two to four plain words the rules do not know as a name ("Rose Price"):
     * they are the name, unless they ask something, name a service or hold everyday words a name never has.
     */
    private Optional<Reading.Name> plainWordsAsName(Tokens t, NormalizedText normalized, BusinessProfile profile) {
        List<String> w = new ArrayList<>(t.words());
        List<String> typed = new ArrayList<>(List.of(normalized.original().strip().split("\\s+")));
        while (!typed.isEmpty() && NAME_COURTESIES.contains(typed.get(typed.size() - 1).toLowerCase(Locale.ROOT)
                .replaceAll("\\W", ""))) {
            typed.remove(typed.size() - 1);
        }
        // the caller's own spelling ("A.J. Patel", "D'Arcy") when it is only name-like words
        boolean asTyped = !typed.isEmpty() && typed.size() <= 4
                && typed.stream().allMatch(x -> x.matches("[\\p{L}][\\p{L}\\p{M}.'’-]*[,]?"));
        while (!w.isEmpty() && NAME_COURTESIES.contains(w.get(w.size() - 1))) {
            w.remove(w.size() - 1); // "J. R. Hartley ta"
        }
        if (w.size() < 2 || w.size() > 4 || classifier.hasQuestionCue(normalized)
                || w.stream().anyMatch(x -> !x.chars().allMatch(Character::isLetter)
                        || (NOT_IN_NAMES.contains(x) && !(x.length() == 1 && !x.equals("i")))) // "a j patel"
                || ServiceMatcher.of(profile.services()).match(String.join(" ", w)).isPresent()) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder();
        List<String> source = asTyped ? typed : w;
        for (int i = 0; i < source.size(); i++) {
            String x = source.get(i).replaceAll("[,;:!?]+$", "");
            boolean lower = x.equals(x.toLowerCase(Locale.ROOT));
            name.append(name.isEmpty() ? "" : " ")
                    .append(lower ? Character.toUpperCase(x.charAt(0)) + x.substring(1) : x);
        }
        return Optional.of(new Reading.Name(name.toString(), Words.range(0, w.size()), 0.4));
    }

    /** "flat 4", "unit 2b", "basement flat": the part of an address before the street, said on its own. */
    private static Optional<Reading> addressPrefix(Tokens t) {
        java.util.regex.Matcher m = ADDRESS_PREFIX.matcher(t.text());
        if (!m.find()) {
            return Optional.empty();
        }
        String said = m.group().strip();
        String tidy = Character.toUpperCase(said.charAt(0)) + said.substring(1);
        if (tidy.matches(".* [a-z]$")) {
            tidy = tidy.substring(0, tidy.length() - 1) + Character.toUpperCase(tidy.charAt(tidy.length() - 1));
        }
        return Optional.of(new Reading.Address(tidy, null, new AddressParts(tidy, null, null, null), t.locate(said),
                0.9));
    }

    /** "basement flat, 4 the mall": a flat or unit said apart from the street belongs to the same address. */
    private static Reading.Address withPrefix(Reading.Address a, String text) {
        java.util.regex.Matcher m = ADDRESS_PREFIX.matcher(text);
        boolean street = !a.address().isEmpty() && Character.isDigit(a.address().charAt(0));
        if (!street || !m.find() || a.address().toLowerCase(Locale.ROOT).contains(m.group())) {
            return a;
        }
        String prefix = Character.toUpperCase(m.group().charAt(0)) + m.group().substring(1);
        AddressParts parts = a.parts() == null ? null
                : new AddressParts(prefix, a.parts().street(), a.parts().locality(), a.parts().postcode());
        return new Reading.Address(prefix + ", " + a.address(), a.postcode(), parts, a.words(), a.confidence());
    }

    private static Words located(Tokens t, String matched) {
        Words w = t.locate(matched);
        if (!w.isEmpty() || matched == null) {
            return w;
        }
        Set<String> parts = Set.of(matched.trim().split(" +"));
        return t.where(parts::contains);
    }


    private static boolean answered(Expectation expected, String name, boolean phone, boolean address, String problem,
                                    ServiceType service, List<TimePreference> times, String pin) {
        return switch (expected.slot()) {
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
        if (expected.is(Expectation.Slot.PROBLEM) && !mere) {
            return original;
        }
        if ((service != null || emergency) && (intent == Intent.BOOK || intent == Intent.EMERGENCY)) {
            return original;
        }
        return null;
    }

}

package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a UK service address: a house number and street ("12 park street", "flat 2 14 gloucester road bristol",
 * "basement flat 12 picton street", "4 the mall clifton") and/or a postcode, typed ("BS1 5TH") or spelled out by
 * speech-to-text ("b s one five t h", "b s eight two p u"). When an address is what was just asked, the whole answer
 * is taken more liberally ("the old rectory church lane", "flat four"). The result is tidied for a person to read:
 * "Flat 2, 14 Gloucester Road, Bristol, BS1 5TH", and split into {@link AddressParts} so a flow can add a later
 * turn's postcode to an earlier turn's street. An email address in the text is never read as an address.
 */
public final class AddressExtractor {

    /**
     * @param address     tidied address as it would be written on a job sheet
     * @param postcode    the postcode in upper case with a space ({@code "BS1 5TH"}), or {@code null}
     * @param matchedText the stretch of normalized text the address came from
     * @param parts       the address in parts, for {@link AddressParts#merge} across turns
     * @param span        where {@code matchedText} is in the normalized text
     */
    public record Match(String address, String postcode, String matchedText, AddressParts parts, Span span) {

        public Match(String address, String postcode, String matchedText) {
            this(address, postcode, matchedText, new AddressParts(null, address, null, postcode), null);
        }
    }

    private static final String STREET_SUFFIX = "street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|place|pl"
            + "|crescent|cres|terrace|grove|gardens|gdns|court|ct|hill|square|sq|parade|mews|row|walk|green|park"
            + "|mall|view|rise|vale|wharf|quay|gate|yard|approach|circus|mead|fields|croft|bank|passage|hollow"
            + "|boulevard|broadway|embankment|esplanade|promenade|wynd|orchard|meadow|meadows|villas|cottages";
    /** What may come before the street number: "flat 4", "unit 12b", "basement flat", "top floor flat". */
    private static final String PREMISES = "(?:basement|garden|lower ground floor|ground floor|first floor|1st floor"
            + "|second floor|2nd floor|third floor|3rd floor|top floor|upper|lower|attic|top|bottom|upstairs"
            + "|downstairs|rear|front|back|middle) flat"
            + "|(?:flat|apartment|apt|unit|suite|room) (?:\\d{1,4}(?:[a-z]| [a-z](?= \\d|$))?|[a-z])";
    private static final Pattern PREMISES_ONLY = Pattern.compile("^(?:" + PREMISES + ")$");
    private static final Pattern POSTCODE = Pattern.compile("\\b([a-z]{1,2}\\d[a-z\\d]?) ?(\\d[a-z]{2})\\b");
    private static final Pattern SPELLED_POSTCODE = Pattern.compile("([a-z]{1,2}\\d[a-z\\d]?)(\\d[a-z]{2})$");
    private static final Pattern STREET = Pattern.compile(
            "\\b(?:(?<flat>" + PREMISES + ")(?: |$))?"
                    + "(?<number>\\d{1,4}[a-z]?) (?<street>(?:[a-z]+ ){0,3}(?:" + STREET_SUFFIX + "))\\b"
                    + "(?<locality>(?: [a-z]+\\b){0,2})");
    private static final List<String> LEADING_FILLERS = List.of("yeah", "yes", "yep", "sure", "ok", "um", "uh",
            "sorry", "no", "nope", "actually", "wait", "oh sorry",
            "er", "erm", "well", "so", "oh", "right", "it is at", "it is", "we are at", "i am at", "i live at",
            "i am", "we are", "i live in", "we live in", "i live on", "we live on",
            "my address is", "the address is", "address is", "my postcode is", "the postcode is",
            "postcode is", "postcodes", "the postcodes", "my postcodes", "postcode", "its", "at", "it is", "that is");
    /**
     * Letters as speech-to-text writes them when a postcode is spelled ("bee ess six five queue ay") and the
     * phonetic alphabet ("bravo sierra"); only read inside a run that joins into a postcode.
     */
    private static final java.util.Map<String, String> LETTER_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("ay", "a"), java.util.Map.entry("bee", "b"), java.util.Map.entry("be", "b"),
            java.util.Map.entry("see", "c"), java.util.Map.entry("sea", "c"), java.util.Map.entry("dee", "d"),
            java.util.Map.entry("ee", "e"), java.util.Map.entry("eff", "f"), java.util.Map.entry("gee", "g"),
            java.util.Map.entry("aitch", "h"), java.util.Map.entry("haitch", "h"), java.util.Map.entry("jay", "j"),
            java.util.Map.entry("kay", "k"), java.util.Map.entry("el", "l"), java.util.Map.entry("ell", "l"),
            java.util.Map.entry("em", "m"), java.util.Map.entry("en", "n"), java.util.Map.entry("pee", "p"),
            java.util.Map.entry("pea", "p"), java.util.Map.entry("queue", "q"), java.util.Map.entry("cue", "q"),
            java.util.Map.entry("are", "r"), java.util.Map.entry("ar", "r"), java.util.Map.entry("ess", "s"),
            java.util.Map.entry("tee", "t"), java.util.Map.entry("tea", "t"), java.util.Map.entry("you", "u"),
            java.util.Map.entry("vee", "v"), java.util.Map.entry("ex", "x"), java.util.Map.entry("why", "y"),
            java.util.Map.entry("zed", "z"), java.util.Map.entry("zee", "z"),
            java.util.Map.entry("alpha", "a"), java.util.Map.entry("alfa", "a"), java.util.Map.entry("bravo", "b"),
            java.util.Map.entry("charlie", "c"), java.util.Map.entry("delta", "d"), java.util.Map.entry("echo", "e"),
            java.util.Map.entry("foxtrot", "f"), java.util.Map.entry("golf", "g"), java.util.Map.entry("hotel", "h"),
            java.util.Map.entry("india", "i"), java.util.Map.entry("juliet", "j"), java.util.Map.entry("kilo", "k"),
            java.util.Map.entry("lima", "l"), java.util.Map.entry("mike", "m"), java.util.Map.entry("november", "n"),
            java.util.Map.entry("oscar", "o"), java.util.Map.entry("papa", "p"), java.util.Map.entry("quebec", "q"),
            java.util.Map.entry("romeo", "r"), java.util.Map.entry("sierra", "s"), java.util.Map.entry("tango", "t"),
            java.util.Map.entry("uniform", "u"), java.util.Map.entry("victor", "v"),
            java.util.Map.entry("whiskey", "w"), java.util.Map.entry("whisky", "w"), java.util.Map.entry("xray", "x"),
            java.util.Map.entry("yankee", "y"), java.util.Map.entry("zulu", "z"));
    private static final Set<String> TRAILING_FILLERS = Set.of("please", "thanks", "thank", "you", "mate",
            "cheers");
    private static final Set<String> NOT_AN_ADDRESS = Set.of("know", "sure", "why", "idea", "remember", "rather",
            "tomorrow", "today");

    private final EmailExtractor emails = new EmailExtractor();

    /**
     * @param normalized      text from {@link TextNormalizer}
     * @param addressExpected the caller was just asked for the address, so the answer is taken as a whole
     */
    public Optional<Match> find(String normalized, boolean addressExpected) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        String text = withoutEmail(normalized);
        if (text.isBlank()) {
            return Optional.empty();
        }
        Postcode postcode = postcode(text);
        Matcher street = STREET.matcher(text);
        if (street.find()) {
            String locality = trimLocality(street.group("locality"));
            String premises = street.group("flat") == null ? null : premises(street.group("flat"));
            String streetPart = titleCase(street.group("number") + " " + street.group("street"));
            int end = street.start("locality") + (locality.isEmpty() ? 0 : 1 + locality.length());
            int start = street.start();
            if (postcode != null && postcode.start >= end) {
                end = postcode.end;
            }
            AddressParts parts = new AddressParts(premises, streetPart, locality.isEmpty() ? null : titleCase(locality),
                    postcode == null ? null : postcode.formatted);
            return Optional.of(match(text, parts, start, end));
        }
        // An answer that carried an email address is not also an address given in free words ("my email is ...").
        if (addressExpected && text.equals(normalized)) {
            Optional<Match> liberal = liberal(text, postcode);
            if (liberal.isPresent()) {
                return liberal;
            }
        }
        if (postcode != null) {
            return Optional.of(match(text, new AddressParts(null, null, null, postcode.formatted), postcode.start,
                    postcode.end));
        }
        return Optional.empty();
    }

    /** The parts of the address in a turn, for {@link AddressParts#merge} with what earlier turns gave. */
    public Optional<AddressParts> parts(String normalized, boolean addressExpected) {
        return find(normalized, addressExpected).map(Match::parts);
    }

    private static Match match(String text, AddressParts parts, int start, int end) {
        return new Match(parts.formatted(), parts.postcode(), text.substring(start, end), parts, new Span(start, end));
    }

    /** The text with any email address blanked out (same length, so spans still point into the original). */
    private String withoutEmail(String text) {
        String out = text;
        for (int guard = 0; guard < 3; guard++) {
            Optional<EmailExtractor.Match> email = emails.find(out);
            if (email.isEmpty()) {
                break;
            }
            Span span = email.get().span();
            out = out.substring(0, span.start()) + " ".repeat(span.length()) + out.substring(span.end());
        }
        return out;
    }

    private static Optional<Match> liberal(String text, Postcode postcode) {
        int offset = 0;
        while (offset < text.length() && text.charAt(offset) == ' ') {
            offset++;
        }
        String rest = text.substring(offset).stripTrailing();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String filler : LEADING_FILLERS) {
                if (rest.equals(filler)) {
                    return Optional.empty();
                }
                if (rest.startsWith(filler + " ")) {
                    rest = rest.substring(filler.length() + 1);
                    offset += filler.length() + 1;
                    stripped = true;
                }
            }
        }
        List<String> words = new ArrayList<>(List.of(rest.split(" ")));
        while (!words.isEmpty() && TRAILING_FILLERS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || words.stream().anyMatch(NOT_AN_ADDRESS::contains)) {
            return Optional.empty();
        }
        boolean hasDigit = words.stream().anyMatch(w -> w.chars().anyMatch(Character::isDigit));
        boolean allCommon = words.stream().allMatch(CommonWords::contains);
        String body = String.join(" ", words);
        boolean premisesOnly = PREMISES_ONLY.matcher(body).matches();
        if (!premisesOnly && (allCommon || (words.size() < 2 && !hasDigit))) {
            return Optional.empty();
        }
        AddressParts parts;
        if (premisesOnly) {
            parts = new AddressParts(titleCase(body), null, null, null);
        } else if (postcode != null && body.contains(postcode.matched)) {
            String before = body.substring(0, body.indexOf(postcode.matched)).trim();
            String after = body.substring(body.indexOf(postcode.matched) + postcode.matched.length()).trim();
            // "sorry the postcode is bs6 5qb": words round the postcode that are all everyday words are not a place
            parts = new AddressParts(null, placeWords(before) ? titleCase(before) : null,
                    placeWords(after) ? titleCase(after) : null, postcode.formatted);
        } else {
            parts = new AddressParts(null, titleCase(body), null, postcode == null ? null : postcode.formatted);
        }
        String formatted = parts.formatted();
        if (postcode != null && body.contains(postcode.matched) && parts.street() != null && parts.locality() != null) {
            // said in that order: "ivy house bs9 4ab clifton" stays in that order
            formatted = parts.street() + ", " + parts.postcode() + ", " + parts.locality();
        }
        return Optional.of(new Match(formatted, parts.postcode(), body, parts, new Span(offset,
                offset + body.length())));
    }

    private static boolean placeWords(String words) {
        return !words.isBlank() && !java.util.Arrays.stream(words.split(" ")).allMatch(CommonWords::contains);
    }

    /** Locality words after the street stop at the first everyday word ("... road and my number is"). */
    private static String trimLocality(String locality) {
        List<String> kept = new ArrayList<>();
        for (String w : locality.trim().split(" ")) {
            if (w.isEmpty() || CommonWords.contains(w) || !NameExtractor.isNameWord(w)) {
                break;
            }
            kept.add(w);
        }
        return String.join(" ", kept);
    }

    private record Postcode(String formatted, String matched, int start, int end) {
    }

    private static Postcode postcode(String text) {
        Matcher m = POSTCODE.matcher(text);
        while (m.find()) {
            // "at 3 2pm" cannot match (needs letters before the first digit); ordinals like "5th" may be inward codes.
            String outward = m.group(1);
            if (outward.length() >= 2) {
                return new Postcode((outward + " " + m.group(2)).toUpperCase(Locale.ROOT), m.group(), m.start(),
                        m.end());
            }
        }
        return spelledPostcode(text);
    }

    /** "b s 1 5 t h": a run of short tokens, at least two of them single letters, that joins into a postcode. */
    private static Postcode spelledPostcode(String text) {
        String[] tokens = text.split(" ");
        int offset = 0;
        int[] starts = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            starts[i] = offset;
            offset += tokens[i].length() + 1;
        }
        for (int i = 0; i < tokens.length; i++) {
            int singles = 0;
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < tokens.length; j++) {
                String token = LETTER_NAMES.getOrDefault(tokens[j], tokens[j]);
                if (token.length() > 3 || !token.matches("[a-z0-9]+")) {
                    break;
                }
                joined.append(token);
                if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
                    singles++;
                }
                Matcher m = SPELLED_POSTCODE.matcher(joined);
                if (singles >= 2 && m.matches()) {
                    String formatted = (m.group(1) + " " + m.group(2)).toUpperCase(Locale.ROOT);
                    int end = starts[j] + tokens[j].length();
                    return new Postcode(formatted, text.substring(starts[i], end), starts[i], end);
                }
            }
        }
        return null;
    }

    /** "flat 4 b" (a letter said after the number, as a recogniser writes it) is "Flat 4B". */
    private static String premises(String words) {
        return titleCase(words.replaceFirst("(\\d) ([a-z])$", "$1$2"));
    }

    private static String titleCase(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split(" +")) {
            if (w.isEmpty()) {
                continue;
            }
            if (POSTCODE.matcher(w).matches() || w.matches("\\d+[a-z]")) {
                out.add(w.toUpperCase(Locale.ROOT));
            } else {
                out.add(w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
            }
        }
        return String.join(" ", out);
    }
}

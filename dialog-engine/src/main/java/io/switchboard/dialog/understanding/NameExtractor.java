package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the caller's name ("my name is john smith", "it's sarah", "this is dave speaking", "name's pete") and, when a
 * name is what was just asked, a bare answer ("john smith", "yeah it's john", "Mrs J. Okafor"). Up to four name
 * words are taken, with a title and initials ("Dr A. Obi") and name particles ("Nguyen Van An", "Rhys ap Gwilym").
 * A word is refused only when it is an everyday word, an answer or a time word ("yes", "tomorrow", "leaking") from an
 * explicit list, never for its shape: Donnelly, Beverly, Manning and Ahmed are names.
 * <p>
 * {@link #find} returns the name as the caller typed it, apostrophes, hyphens and accents kept ("O'Neill-Hughes",
 * "D'Arcy", "Zoë"); it is title-cased only when typed all in one case. {@link #extract} works on normalized text
 * alone, which has lost apostrophes and hyphens.
 */
public final class NameExtractor {

    /**
     * A name found in a turn.
     *
     * @param name       the name as given ("Mrs J. Okafor", "Siobhan O'Neill-Hughes")
     * @param span       the words of the normalized text it came from
     * @param confidence {@link #STRONG}, {@link #WEAK} or {@link #BARE}, by what introduced the name
     */
    public record Match(String name, Span span, double confidence) {
    }

    /** Confidence of a name after "my name is", "call me". */
    public static final double STRONG = 0.95;
    /** After "it's", "this is", or before "speaking". */
    public static final double WEAK = 0.8;
    /** A bare answer to the name question ("john smith"): a name only because a name was asked. */
    public static final double BARE = 0.6;

    private static final List<List<String>> STRONG_TRIGGERS = List.of(
            List.of("my", "name", "is"), List.of("the", "name", "is"), List.of("name", "is"), List.of("my", "names"),
            List.of("you", "can", "call", "me"), List.of("call", "me"), List.of("i", "am", "called"));
    private static final List<List<String>> WEAK_TRIGGERS = List.of(List.of("this", "is"), List.of("it", "is"),
            List.of("i", "am"));
    private static final Set<String> LEADING_FILLERS = Set.of("yeah", "yes", "yep", "yup", "sure", "ok", "um",
            "uh", "er", "erm", "well", "so", "oh", "hi", "hello", "hey", "hiya", "right", "its", "morning",
            "afternoon", "evening", "good", "certainly", "of", "course", "and", "oops", "whoops");
    private static final Set<String> TRAILING_FILLERS = Set.of("please", "thanks", "thank", "you", "speaking",
            "here", "mate", "cheers", "calling");
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hiya", "morning", "afternoon",
            "evening", "yeah", "yes", "oh", "um", "uh", "er", "erm", "there");
    private static final Set<String> AFTER_NAME_CUES = Set.of("speaking", "here", "calling", "from");
    /** After a greeting, a name may run straight into the rest of the sentence ("hi it's sarah i've got a leak"). */
    private static final Set<String> AFTER_GREETED_NAME = Set.of("i", "and", "my", "we", "just", "again");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "mister",
            "missus", "prof", "professor", "sir", "dame", "lady", "lord", "rev", "father");
    /** Name particles: inside a name they may be followed by a word that is otherwise an everyday word ("an"). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "da", "di", "du", "del",
            "della", "la", "le", "bin", "binti", "bint", "ibn", "al", "el", "ap", "ben", "dos", "das", "st");
    /**
     * Words that read like a description, not a name, in a name answer ("it's leaking", "i'm stuck"). An explicit
     * list, not a rule about endings, so that no real name (Manning, Donnelly, Ahmed) is refused for its shape.
     */
    private static final Set<String> NOT_NAMES = Set.of("leaking", "leak", "flooding", "dripping", "working",
            "blocked", "flooded", "broken", "burst", "fixed", "stuck", "sorted", "booked", "cancelled", "interested",
            "worried", "concerned", "desperate", "ridiculous", "really", "only", "actually", "probably", "literally",
            "honestly", "basically", "early", "nearly", "likely", "finally", "hopefully", "currently", "recently",
            "exactly", "totally", "completely", "fully", "having", "getting", "waiting", "asking", "enquiring",
            "inquiring", "running", "pouring", "smelling", "making", "doing", "coming", "leaving", "living",
            "staying", "renting", "moving", "busy", "home", "work", "away", "afraid", "confused", "annoyed",
            "freezing", "boiling", "overflowing", "gushing", "noisy", "loud", "dead", "ok", "fine", "alright",
            "urgent", "emergency", "serious", "terrible", "awful", "bad", "worse", "unknown", "anonymous", "private",
            "none", "nobody", "dunno", "pardon", "what", "eh", "huh", "sorry", "nope");
    private static final int MAX_NAME_WORDS = 4;

    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * The name in normalized text, title-cased from the normalized words (apostrophes and hyphens are gone; use
     * {@link #find} to keep them).
     *
     * @param normalized   text from {@link TextNormalizer}
     * @param nameExpected the caller was just asked for their name, so a bare name counts
     */
    public Optional<String> extract(String normalized, boolean nameExpected) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        List<String> t = List.of(normalized.trim().split(" +"));
        int[] unknown = new int[t.size()];
        java.util.Arrays.fill(unknown, -1);
        return new Locator(t, unknown, new boolean[t.size()]).locate(nameExpected)
                .map(r -> titleCase(t.subList(r.from(), r.to())));
    }

    /**
     * The name with the words it used, as the caller wrote it ({@link NormalizedText#original()}).
     *
     * @param text         the turn, normalized
     * @param nameExpected the caller was just asked for their name, so a bare name counts
     */
    public Optional<Match> find(NormalizedText text, boolean nameExpected) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<String> t = text.tokens();
        Optional<Range> found = locator(text.original(), t).locate(nameExpected);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Range r = found.get();
        List<String> words = t.subList(r.from(), r.to());
        int startChar = 0;
        for (int i = 0; i < r.from(); i++) {
            startChar += t.get(i).length() + 1;
        }
        int endChar = startChar + String.join(" ", words).length();
        Span span = new Span(startChar, endChar);
        String asTyped = asTyped(text.original(), String.join(" ", words));
        return Optional.of(new Match(asTyped == null ? titleCase(words) : asTyped, span, r.confidence()));
    }

    /** Token range [from, to) of the name, a title included. */
    private record Range(int from, int to, double confidence) {

        Range rated(double c) {
            return new Range(from, to, c);
        }
    }

    /**
     * For each normalized word, the caller's word it came from (-1 for all when they cannot be lined up), and
     * whether that word was hyphenated ("Price-Jones"): a part of a hyphenated word is a name part even when it is
     * an everyday word alone ("price"), and the parts count as one name word.
     */
    private Locator locator(String original, List<String> tokens) {
        int[] wordOf = new int[tokens.size()];
        boolean[] hyphenated = new boolean[tokens.size()];
        List<String> rebuilt = new ArrayList<>();
        String[] words = original.strip().split("\\s+");
        for (int w = 0; w < words.length; w++) {
            List<String> parts = normalizer.normalize(words[w]).tokens();
            boolean hyphen = parts.size() > 1 && words[w].matches(".*\\p{L}-\\p{L}.*") && words[w].indexOf('@') < 0;
            for (String part : parts) {
                if (rebuilt.size() < tokens.size()) {
                    wordOf[rebuilt.size()] = w;
                    hyphenated[rebuilt.size()] = hyphen;
                }
                rebuilt.add(part);
            }
        }
        if (!rebuilt.equals(tokens)) {
            java.util.Arrays.fill(wordOf, -1);
            return new Locator(tokens, wordOf, new boolean[tokens.size()]);
        }
        return new Locator(tokens, wordOf, hyphenated);
    }

    /**
     * The name-finding rules over one turn's words.
     *
     * @param t          the normalized words
     * @param wordOf     for each, the index of the caller's word it came from, or -1 when unknown
     * @param hyphenated for each, whether the caller's word was hyphenated
     */
    private record Locator(List<String> t, int[] wordOf, boolean[] hyphenated) {

        Optional<Range> locate(boolean nameExpected) {
            for (List<String> trigger : STRONG_TRIGGERS) {
                int at = indexOf(t, trigger);
                if (at >= 0) {
                    Range name = nameWords(t, at + trigger.size());
                    if (name != null) {
                        return Optional.of(name.rated(STRONG));
                    }
                }
            }
            // "names pete" typed without the apostrophe, only at the start
            int start = skipFillers(t, 0);
            if (start < t.size() && (t.get(start).equals("names") || (t.get(start).equals("name") && start == 0))) {
                Range name = nameWords(t, start + 1);
                if (name != null) {
                    return Optional.of(name.rated(STRONG));
                }
            }
            for (List<String> trigger : WEAK_TRIGGERS) {
                int at = indexOf(t, trigger);
                if (at < 0) {
                    continue;
                }
                Range name = nameWords(t, at + trigger.size());
                if (name == null) {
                    continue;
                }
                int after = name.to();
                if (trigger.get(0).equals("i") && !nameExpected) {
                    // "i'm kim park at 5 corn street": a first and last name followed by where they are
                    boolean fullName = name.to() - name.from() >= 2;
                    boolean placed = after < t.size() && (t.get(after).equals("at") || t.get(after).equals("from")
                            || AFTER_NAME_CUES.contains(t.get(after)));
                    if (fullName && placed) {
                        return Optional.of(name.rated(WEAK));
                    }
                    continue;
                }
                boolean greeted = at > 0 && GREETINGS.contains(t.get(at - 1));
                boolean cued = after < t.size() && AFTER_NAME_CUES.contains(t.get(after));
                boolean runsOn = after < t.size() && AFTER_GREETED_NAME.contains(t.get(after));
                boolean alone = after == t.size();
                if (nameExpected || cued || (greeted && (runsOn || alone)) || (at == 0 && alone)) {
                    return Optional.of(name.rated(WEAK));
                }
            }
            // "dave speaking", "john smith here"
            Range leading = nameWords(t, start);
            if (leading != null && leading.to() < t.size()
                    && (t.get(leading.to()).equals("speaking") || (nameExpected && t.get(leading.to()).equals("here")))) {
                return Optional.of(leading.rated(WEAK));
            }
            // "matt cooper is my name": the name said first and then owned is as sure as "my name is matt cooper",
            // whatever was asked (a correction given while another question is pending)
            int owned = indexOf(t, List.of("is", "my", "name"));
            for (int from = skipFillers(t, 0); owned > 0 && from < owned; from++) {
                Range name = nameWords(t, from);
                if (name != null && name.to() == owned) {
                    return Optional.of(name.rated(STRONG));
                }
            }
            if (nameExpected) {
                return bareName(t);
            }
            return Optional.empty();
        }

        private Optional<Range> bareName(List<String> t) {
            int from = skipFillers(t, 0);
            int to = t.size();
            while (to > from && TRAILING_FILLERS.contains(t.get(to - 1))) {
                to--;
            }
            Range name = nameWords(t, from);
            if (name == null) {
                return Optional.empty();
            }
            // "john smith 07700 900123", "sarah at 12 park street": the name, then the next detail
            boolean detailFollows = name.to() < to && (startsWithDigit(t.get(name.to()))
                    || (t.get(name.to()).equals("at") && name.to() + 1 < to && startsWithDigit(t.get(name.to() + 1))));
            return name.to() == to || detailFollows ? Optional.of(name.rated(BARE)) : Optional.empty();
        }

        private static boolean startsWithDigit(String w) {
            return !w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '+');
        }

        private static int skipFillers(List<String> t, int from) {
            int i = from;
            while (i < t.size()) {
                if (LEADING_FILLERS.contains(t.get(i))) {
                    i++;
                } else if (i + 1 < t.size() && (t.get(i).equals("it") || t.get(i).equals("this"))
                        && t.get(i + 1).equals("is")) {
                    i += 2;
                } else {
                    break;
                }
            }
            return i;
        }

        private static int indexOf(List<String> t, List<String> phrase) {
            outer:
            for (int i = 0; i + phrase.size() <= t.size(); i++) {
                for (int k = 0; k < phrase.size(); k++) {
                    if (!t.get(i + k).equals(phrase.get(k))) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /**
         * The name starting at {@code from}: an optional title, then up to four name words, initials and particles
         * among them. Null when there is no name word (a lone title or initial is not a name).
         */
        private Range nameWords(List<String> t, int from) {
            int i = from;
            boolean titled = i < t.size() && TITLES.contains(t.get(i)) && i + 1 < t.size();
            if (titled) {
                i++;
            }
            int words = 0;
            int lastFull = -1;
            boolean afterParticle = false;
            for (; i < t.size() && words < MAX_NAME_WORDS; i++) {
                String w = t.get(i);
                boolean initial = isInitial(w, titled || words > 0);
                boolean particle = words > 0 && PARTICLES.contains(w) && i + 1 < t.size() && isLetters(t.get(i + 1));
                boolean joinedPart = hyphenated[i] && isLetters(w);
                boolean full = isNameWord(w) || joinedPart
                        || (afterParticle && isLetters(w) && w.length() >= 2 && !NOT_NAMES.contains(w));
                if (!(initial || particle || full)) {
                    break;
                }
                // "Price-Jones" is one name word of the four, however many parts it has
                boolean continuesHyphen = joinedPart && i > from && wordOf[i] >= 0 && wordOf[i] == wordOf[i - 1];
                if (!continuesHyphen) {
                    words++;
                }
                afterParticle = particle;
                if (full && !particle) {
                    lastFull = i;
                }
            }
            if (lastFull < 0) {
                return null;
            }
            return new Range(from, lastFull + 1, BARE);
        }
    }

    /** "j" in "Mrs J Okafor"; "a" and "i" count only after a title or a first name ("Mr A Patel"). */
    private static boolean isInitial(String w, boolean afterTitleOrName) {
        if (w.length() != 1 || !Character.isLetter(w.charAt(0))) {
            return false;
        }
        return afterTitleOrName || !(w.equals("a") || w.equals("i"));
    }

    private static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return !w.isEmpty();
    }

    static boolean isNameWord(String w) {
        if (w.length() < 2 || w.length() > 30 || CommonWords.contains(w) || NOT_NAMES.contains(w)
                || TITLES.contains(w)) {
            return false;
        }
        return isLetters(w);
    }

    /**
     * The stretch of {@code original} that normalizes to {@code normalizedName}, trimmed of punctuation around it,
     * in the caller's own spelling; null when it cannot be found (the normalized words are used then).
     */
    private String asTyped(String original, String normalizedName) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < original.length()) {
            while (i < original.length() && Character.isWhitespace(original.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < original.length() && !Character.isWhitespace(original.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new int[] {start, i});
            }
        }
        String first = normalizedName.split(" ")[0];
        for (int a = 0; a < words.size(); a++) {
            String head = normalizer.normalize(original.substring(words.get(a)[0], words.get(a)[1])).text();
            if (!head.contains(first)) {
                continue;
            }
            for (int b = a; b < words.size() && b < a + MAX_NAME_WORDS + 2; b++) {
                String stretch = original.substring(words.get(a)[0], words.get(b)[1]);
                String normalized = normalizer.normalize(stretch).text();
                if (normalized.equals(normalizedName) || normalized.endsWith(" " + normalizedName)) {
                    String trimmed = trim(stretch, normalized.equals(normalizedName) ? null : normalizedName);
                    return trimmed == null ? null : recase(trimmed);
                }
            }
        }
        return null;
    }

    /** Drops punctuation around the name and, when the first word carried more ("it's"), the words before it. */
    private String trim(String stretch, String normalizedName) {
        String s = stretch;
        if (normalizedName != null) {
            // "it's Siobhan": drop leading words until the rest normalizes to the name
            String[] parts = s.split("\\s+");
            for (int k = 1; k < parts.length; k++) {
                String rest = String.join(" ", java.util.Arrays.copyOfRange(parts, k, parts.length));
                if (normalizer.normalize(rest).text().equals(normalizedName)) {
                    s = rest;
                    break;
                }
            }
            if (!normalizer.normalize(s).text().equals(normalizedName)) {
                return null;
            }
        }
        int from = 0;
        while (from < s.length() && !Character.isLetter(s.charAt(from))) {
            from++;
        }
        int to = s.length();
        while (to > from && !Character.isLetter(s.charAt(to - 1))) {
            to--;
        }
        if (from >= to) {
            return null;
        }
        // "Smith, John": keep letters, apostrophes, hyphens and the dots of initials; drop other punctuation
        StringBuilder b = new StringBuilder();
        for (char c : s.substring(from, to).toCharArray()) {
            if (Character.isLetter(c) || c == '\'' || c == '\u2019' || c == '-' || c == '.' || c == ' ') {
                b.append(c);
            } else if (Character.isWhitespace(c)) {
                b.append(' ');
            }
        }
        return b.toString().replaceAll(" +", " ").strip();
    }

    /** Typed in one case ("siobhan o'neill", "JOHN SMITH"): title-cased; typed with capitals: kept as typed. */
    private static String recase(String typed) {
        boolean hasLower = typed.chars().anyMatch(Character::isLowerCase);
        boolean hasUpper = typed.chars().anyMatch(Character::isUpperCase);
        if (hasLower && hasUpper) {
            return typed;
        }
        List<String> out = new ArrayList<>();
        for (String w : typed.split("\\s+")) {
            out.add(titleCaseWord(w.toLowerCase(Locale.ROOT)));
        }
        return String.join(" ", out);
    }

    private static String titleCase(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(titleCaseWord(w));
        }
        return String.join(" ", out);
    }

    /** "o'neill-hughes" to "O'Neill-Hughes", "d'arcy" to "D'Arcy", "mcdonald" to "McDonald". */
    private static String titleCaseWord(String w) {
        StringBuilder b = new StringBuilder(w.length());
        boolean upperNext = true;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            b.append(upperNext ? Character.toUpperCase(c) : c);
            boolean apostropheAfterOneLetter = (c == '\'' || c == '\u2019') && i == 1;
            upperNext = c == '-' || apostropheAfterOneLetter;
        }
        String cased = b.toString();
        if (cased.startsWith("Mc") && cased.length() > 3) {
            cased = "Mc" + Character.toUpperCase(cased.charAt(2)) + cased.substring(3);
        }
        return cased;
    }
}

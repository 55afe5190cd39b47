package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings speech-to-text output and typed messages to one canonical form so the extractors need one set of rules:
 * lower case, no punctuation (except {@code :} and {@code .} between digits, {@code /} inside a token, {@code @} and
 * a leading {@code +}; a word with an {@code @} in it is kept whole, as an email address), single spaces, contractions spelled out ({@code "don't"}/{@code "dont"} to {@code "do not"},
 * {@code "it's"} to {@code "it is"}), SMS shorthand expanded ({@code tmrw}, {@code u}, {@code pls}, {@code fri}),
 * {@code am}/{@code pm}/{@code ish} split off digits, and spoken numbers turned into digits where that is unambiguous
 * (see {@link SpokenNumberConverter}).
 */
public final class TextNormalizer {

    /** Longer input is cut; nobody says a thousand characters in one turn. */
    public static final int MAX_INPUT_CHARS = 1000;

    private static final Pattern GLUED = Pattern.compile("^(\\d{1,2}(?:[:.]\\d{2})?)(am|pm|ish|oclock)$");
    /** "9am-11am", "10-12", "2:30-4": a time range typed with a hyphen. */
    private static final Pattern HYPHEN_RANGE = Pattern.compile(
            "^(\\d{1,2}(?:[:.]\\d{2})?(?:am|pm)?)-(\\d{1,2}(?:[:.]\\d{2})?(?:am|pm)?)$");
    private static final Pattern DOTTED_TIME = Pattern.compile("^\\d{1,2}\\.\\d{2}$");
    private static final Pattern DOTTED_MERIDIEM = Pattern.compile("\\b([ap])\\s?\\.\\s?m\\b\\.?");

    /** "'s" after these words is "is"; elsewhere it is a possessive and the apostrophe is just dropped. */
    private static final Set<String> S_MEANS_IS = Set.of("it", "that", "what", "there", "here", "he", "she", "who",
            "where", "when", "how", "name", "this");

    /** Contractions typed without an apostrophe (and a few with one that do not follow the general rules). */
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("dont", "do not"), Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"),
            Map.entry("isnt", "is not"), Map.entry("arent", "are not"), Map.entry("wasnt", "was not"),
            Map.entry("werent", "were not"), Map.entry("cant", "cannot"), Map.entry("couldnt", "could not"),
            Map.entry("wouldnt", "would not"), Map.entry("shouldnt", "should not"), Map.entry("wont", "will not"),
            Map.entry("havent", "have not"), Map.entry("hasnt", "has not"), Map.entry("im", "i am"),
            Map.entry("ive", "i have"), Map.entry("youre", "you are"), Map.entry("its", "it is"),
            Map.entry("thats", "that is"), Map.entry("whats", "what is"), Map.entry("theres", "there is"),
            Map.entry("hows", "how is"), Map.entry("wheres", "where is"), Map.entry("whos", "who is"),
            Map.entry("can't", "cannot"), Map.entry("won't", "will not"), Map.entry("shan't", "shall not"),
            Map.entry("ain't", "is not"), Map.entry("let's", "lets"));

    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("tmrow", "tomorrow"),
            Map.entry("tmoro", "tomorrow"), Map.entry("tomoz", "tomorrow"), Map.entry("tomora", "tomorrow"),
            Map.entry("2moro", "tomorrow"), Map.entry("2morrow", "tomorrow"), Map.entry("2moz", "tomorrow"),
            Map.entry("2mrw", "tomorrow"), Map.entry("2mro", "tomorrow"), Map.entry("tomorow", "tomorrow"),
            Map.entry("tommorow", "tomorrow"), Map.entry("tommorrow", "tomorrow"), Map.entry("tmw", "tomorrow"),
            Map.entry("2day", "today"), Map.entry("tdy", "today"), Map.entry("2nite", "tonight"),
            Map.entry("2night", "tonight"), Map.entry("tonite", "tonight"),
            Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("pls", "please"),
            Map.entry("plz", "please"), Map.entry("plse", "please"), Map.entry("thx", "thanks"),
            Map.entry("thnx", "thanks"), Map.entry("thanx", "thanks"), Map.entry("thks", "thanks"),
            Map.entry("ty", "thanks"), Map.entry("mon", "monday"), Map.entry("tue", "tuesday"),
            Map.entry("tues", "tuesday"), Map.entry("wed", "wednesday"), Map.entry("weds", "wednesday"),
            Map.entry("thu", "thursday"), Map.entry("thur", "thursday"), Map.entry("thurs", "thursday"),
            Map.entry("fri", "friday"), Map.entry("sat", "saturday"), Map.entry("sun", "sunday"),
            Map.entry("appt", "appointment"), Map.entry("appts", "appointments"), Map.entry("b4", "before"),
            Map.entry("aft", "afternoon"), Map.entry("arvo", "afternoon"), Map.entry("mins", "minutes"),
            Map.entry("hr", "hour"), Map.entry("hrs", "hours"), Map.entry("wk", "week"), Map.entry("wks", "weeks"), Map.entry("wkend", "weekend"),
            Map.entry("wknd", "weekend"), Map.entry("mnth", "month"), Map.entry("mth", "month"),
            Map.entry("mnths", "months"), Map.entry("mths", "months"), Map.entry("fortnite", "fortnight"),
            Map.entry("mrng", "morning"), Map.entry("morn", "morning"), Map.entry("nxt", "next"),
            Map.entry("k", "ok"), Map.entry("kk", "ok"), Map.entry("okay", "ok"), Map.entry("okey", "ok"),
            Map.entry("yh", "yeah"), Map.entry("cya", "bye"), Map.entry("abt", "about"), Map.entry("approx", "about"),
            Map.entry("til", "until"), Map.entry("till", "until"), Map.entry("untill", "until"),
            Map.entry("thru", "through"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
            Map.entry("lemme", "let me"), Map.entry("cud", "could"), Map.entry("nr", "near"),
            Map.entry("tel", "phone"), Map.entry("mob", "mobile"));

    /** "sat" and "sun" are also ordinary words; after these they are not days. */
    private static final Set<String> NOT_BEFORE_DAY_ABBREVIATION = Set.of("i", "we", "he", "she", "they", "you",
            "was", "were", "the", "have", "has", "had");

    private final SpokenNumberConverter numbers = new SpokenNumberConverter();

    /** Never throws; {@code null} and blank input give an empty text. */
    public NormalizedText normalize(String input) {
        if (input == null) {
            return new NormalizedText("", "");
        }
        String original = input.length() > MAX_INPUT_CHARS ? input.substring(0, MAX_INPUT_CHARS) : input;
        String lower = original.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
        lower = DOTTED_MERIDIEM.matcher(lower).replaceAll("$1m");
        String cleaned = keepMeaningfulCharacters(lower);
        List<String> tokens = new ArrayList<>();
        for (String raw : cleaned.split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            Matcher range = HYPHEN_RANGE.matcher(raw);
            if (range.matches()) {
                tokens.add(range.group(1));
                tokens.add("to");
                tokens.add(range.group(2));
                continue;
            }
            if (raw.indexOf('@') > 0) {
                tokens.add(raw);
                continue;
            }
            for (String part : raw.split("-")) {
                if (!part.isEmpty()) {
                    expandContraction(part, tokens);
                }
            }
        }
        tokens = splitGlued(tokens);
        tokens = expandShorthand(tokens);
        tokens = numbers.convert(tokens);
        tokens = dottedTimes(tokens);
        return new NormalizedText(original, String.join(" ", tokens));
    }

    private static String keepMeaningfulCharacters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            if (isAsciiDigit(c) || (Character.isLetter(c) && !Character.isDigit(c))) {
                b.append(c);
            } else if (c == '\'' && Character.isLetter(prev) && Character.isLetter(next)) {
                b.append(c);
            } else if ((c == ':' || c == '.') && isAsciiDigit(prev) && isAsciiDigit(next)) {
                b.append(c);
            } else if (c == '.' && isWordChar(prev) && isWordChar(next) && wordContainsAt(s, i)) {
                b.append(c);
            } else if (c == '/' && isWordChar(prev) && isWordChar(next)) {
                b.append(c);
            } else if (c == '@' && isWordChar(prev) && isWordChar(next)) {
                b.append(c);
            } else if ((c == '_' || c == '-' || c == '+' || c == '%') && isWordChar(prev) && isWordChar(next)
                    && wordContainsAt(s, i)) {
                // inside an email address: kept so the address survives whole
                b.append(c);
            } else if (c == '+' && isAsciiDigit(next) && !isWordChar(prev)) {
                b.append(' ').append(c);
            } else if (c == '-' && isWordChar(prev) && isWordChar(next)) {
                b.append(c);
            } else if (c == '&') {
                b.append(" and ");
            } else {
                b.append(' ');
            }
        }
        return b.toString();
    }

    private static boolean wordContainsAt(String s, int i) {
        int start = i;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
            start--;
        }
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return s.substring(start, end).indexOf('@') >= 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return isAsciiDigit(c) || Character.isLetter(c);
    }

    private static void expandContraction(String raw, List<String> out) {
        String mapped = CONTRACTIONS.get(raw);
        if (mapped != null) {
            addWords(mapped, out);
            return;
        }
        int apostrophe = raw.indexOf('\'');
        if (apostrophe < 0) {
            out.add(raw);
            return;
        }
        if (raw.endsWith("n't")) {
            addWords(raw.substring(0, raw.length() - 3) + " not", out);
        } else if (raw.endsWith("'m")) {
            addWords(raw.substring(0, raw.length() - 2) + " am", out);
        } else if (raw.endsWith("'re")) {
            addWords(raw.substring(0, raw.length() - 3) + " are", out);
        } else if (raw.endsWith("'ll")) {
            addWords(raw.substring(0, raw.length() - 3) + " will", out);
        } else if (raw.endsWith("'ve")) {
            addWords(raw.substring(0, raw.length() - 3) + " have", out);
        } else if (raw.endsWith("'d")) {
            addWords(raw.substring(0, raw.length() - 2) + " would", out);
        } else if (raw.endsWith("'s") && S_MEANS_IS.contains(raw.substring(0, raw.length() - 2))) {
            addWords(raw.substring(0, raw.length() - 2) + " is", out);
        } else {
            out.add(raw.replace("'", ""));
        }
    }

    private static void addWords(String words, List<String> out) {
        for (String w : words.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
    }

    private static List<String> splitGlued(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size() + 2);
        for (String t : tokens) {
            Matcher m = GLUED.matcher(t);
            if (m.matches()) {
                String time = m.group(1);
                String suffix = m.group(2);
                out.add(suffix.equals("ish") ? time : time.replace('.', ':'));
                out.add(suffix);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> expandShorthand(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size() + 4);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
            if ((t.equals("o") || t.equals("oh")) && i + 1 < tokens.size() && tokens.get(i + 1).equals("clock")) {
                out.add("oclock");
                i++;
                continue;
            }
            if ((t.equals("sat") || t.equals("sun")) && NOT_BEFORE_DAY_ABBREVIATION.contains(prev)) {
                out.add(t);
                continue;
            }
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if ((t.equals("u") || t.equals("k")) && (isSpelledOut(prev) || isSpelledOut(next))) {
                // a letter in something spelled out ("b s 8 2 p u", "e k thompson"), not "you" or "ok"
                out.add(t);
                continue;
            }
            String mapped = SHORTHAND.get(t);
            if (mapped == null) {
                out.add(t);
            } else {
                addWords(mapped, out);
            }
        }
        return out;
    }

    private static boolean isSpelledOut(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0)) && !token.equals("a")
                && !token.equals("i");
    }

    /** "10.30" is a time when am/pm or a time preposition says so; otherwise it may be a price. */
    private static List<String> dottedTimes(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        for (int i = 0; i < out.size(); i++) {
            if (!DOTTED_TIME.matcher(out.get(i)).matches()) {
                continue;
            }
            String next = i + 1 < out.size() ? out.get(i + 1) : "";
            String prev = i > 0 ? out.get(i - 1) : "";
            if (next.equals("am") || next.equals("pm") || TimeWords.TIME_PREPOSITIONS.contains(prev)) {
                out.set(i, out.get(i).replace('.', ':'));
            }
        }
        return out;
    }
}

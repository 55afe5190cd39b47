package io.switchboard.dialog.understanding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds an email address, typed ("John.Smith@Gmail.com") or as speech-to-text writes it out ("john dot smith at
 * gmail dot com", "j smith eighty four at hotmail dot co dot uk", "mary underscore jones at yahoo dot com").
 * A spoken address needs "at", then a domain with at least one "dot" ending in a known top-level domain, so "we're
 * at 12 park street" and "meet me at home" are not addresses. Returned in lower case.
 * <p>
 * An email address is its own slot: {@link AddressExtractor} never takes one as a postal address.
 */
public final class EmailExtractor {

    /**
     * @param email the address, lower case ({@code "john.smith@gmail.com"})
     * @param span  the words of the normalized text it came from
     */
    public record Match(String email, Span span) {
    }

    private static final Pattern TYPED = Pattern.compile(
            "^[a-z0-9][a-z0-9._%+'-]*@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}$");
    /** "john.smith at gmail.com": typed with the dots but "at" for "@". */
    private static final Pattern TYPED_WITH_AT_WORD = Pattern.compile(
            "(?i)(?<![\\w.])([a-z0-9][a-z0-9._%+-]*[a-z0-9]) at ([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\b");
    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final Map<String, String> SEPARATORS = Map.of("dot", ".", "underscore", "_", "dash", "-",
            "hyphen", "-", "period", ".", "point", ".");
    private static final Set<String> TOP_LEVEL = Set.of("com", "uk", "org", "net", "io", "co", "me", "info", "biz",
            "ie", "us", "de", "fr", "eu", "es", "it", "nl", "app", "dev", "email", "ac", "gov", "nhs", "edu", "ai",
            "tv", "online", "xyz", "scot", "wales", "cymru", "london", "tech", "ltd", "plc");
    /** Said before "at", these are the sentence, not the address's name ("it is at", "we are at"). */
    private static final Set<String> NOT_LOCAL = Set.of("is", "are", "am", "was", "be", "me", "us", "we", "i",
            "you", "it", "them", "him", "her", "not", "and", "or", "the", "a", "email", "address", "mail");
    private static final int MAX_LABEL_WORDS = 3;

    /** Also reads the original text, where "john.smith at gmail.com" still has its dots. */
    public Optional<Match> find(NormalizedText text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Match> found = find(text.text());
        if (found.isPresent()) {
            return found;
        }
        java.util.regex.Matcher typed = TYPED_WITH_AT_WORD.matcher(text.original());
        while (typed.find()) {
            String domain = typed.group(2).toLowerCase(Locale.ROOT);
            if (TOP_LEVEL.contains(domain.substring(domain.lastIndexOf('.') + 1))) {
                Span span = Span.of(text.text(), NORMALIZER.normalize(typed.group()).text());
                if (span != null) {
                    return Optional.of(new Match(typed.group(1).toLowerCase(Locale.ROOT) + "@" + domain, span));
                }
            }
        }
        return Optional.empty();
    }

    /** @param normalized text from {@link TextNormalizer} */
    public Optional<Match> find(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        List<String> t = List.of(normalized.split(" "));
        int[] starts = new int[t.size()];
        for (int i = 1; i < t.size(); i++) {
            starts[i] = starts[i - 1] + t.get(i - 1).length() + 1;
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).indexOf('@') > 0 && TYPED.matcher(t.get(i)).matches()) {
                return Optional.of(new Match(t.get(i).toLowerCase(Locale.ROOT),
                        new Span(starts[i], starts[i] + t.get(i).length())));
            }
        }
        for (int at = 1; at < t.size(); at++) {
            if (!t.get(at).equals("at")) {
                continue;
            }
            int[] domainEnd = new int[1];
            String domain = domain(t, at + 1, domainEnd);
            int[] localStart = new int[1];
            String local = localPart(t, at - 1, localStart);
            if (domain != null && local != null) {
                int last = domainEnd[0];
                return Optional.of(new Match(local + "@" + domain,
                        new Span(starts[localStart[0]], starts[last] + t.get(last).length())));
            }
        }
        return Optional.empty();
    }

    /** "gmail dot com", "picton plumbing dot co dot uk"; null unless it ends in a known top-level domain. */
    private static String domain(List<String> t, int from, int[] end) {
        StringBuilder b = new StringBuilder();
        int i = from;
        int labels = 0;
        String lastLabel = null;
        while (i < t.size()) {
            int words = 0;
            StringBuilder label = new StringBuilder();
            // The first label may be said as several words ("g mail", "picton plumbing"); the rest are one word
            // each ("dot co dot uk"), so "dot com thanks" ends at "com".
            int maxWords = labels == 0 ? MAX_LABEL_WORDS : 1;
            while (i < t.size() && words < maxWords && isWord(t.get(i)) && !SEPARATORS.containsKey(t.get(i))) {
                label.append(t.get(i));
                i++;
                words++;
            }
            if (words == 0) {
                return null;
            }
            b.append(label);
            labels++;
            lastLabel = label.toString();
            end[0] = i - 1;
            if (i < t.size() && (t.get(i).equals("dot") || t.get(i).equals("point")) && i + 1 < t.size()
                    && isWord(t.get(i + 1))) {
                b.append('.');
                i++;
            } else if (i < t.size() && (t.get(i).equals("dash") || t.get(i).equals("hyphen"))) {
                b.append('-');
                i++;
            } else {
                break;
            }
        }
        return labels >= 2 && TOP_LEVEL.contains(lastLabel) ? b.toString() : null;
    }

    /**
     * Read backwards from the word before "at": words joined by "dot", "underscore" or "dash", and single letters
     * and digit groups run together ("j smith 84" is {@code jsmith84}).
     */
    private static String localPart(List<String> t, int last, int[] start) {
        if (last < 0 || !isWord(t.get(last)) || NOT_LOCAL.contains(t.get(last)) || SEPARATORS.containsKey(t.get(last))) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        parts.push(t.get(last));
        int i = last;
        while (i - 1 >= 0) {
            String prev = t.get(i - 1);
            String current = t.get(i);
            if (SEPARATORS.containsKey(prev) && i - 2 >= 0 && isWord(t.get(i - 2))
                    && !SEPARATORS.containsKey(t.get(i - 2))) {
                parts.push(SEPARATORS.get(prev));
                parts.push(t.get(i - 2));
                i -= 2;
            } else if (isWord(prev) && !SEPARATORS.containsKey(prev) && !NOT_LOCAL.contains(prev)
                    && (isRunTogether(current) || isRunTogether(prev))) {
                parts.push(prev);
                i--;
            } else {
                break;
            }
        }
        start[0] = i;
        return String.join("", parts);
    }

    private static boolean isRunTogether(String w) {
        return w.length() == 1 || w.chars().allMatch(Character::isDigit);
    }

    private static boolean isWord(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}

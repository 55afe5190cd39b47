package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the caller's name ("my name is john smith", "it's sarah", "this is dave speaking", "name's pete") and, when a
 * name is what was just asked, a bare answer ("john smith", "yeah it's john"). Up to three name words are taken;
 * everyday words, answers and time words ("yes", "tomorrow", "i don't know") are never names. Returned title-cased.
 */
public final class NameExtractor {

    private static final List<List<String>> STRONG_TRIGGERS = List.of(
            List.of("my", "name", "is"), List.of("the", "name", "is"), List.of("name", "is"), List.of("my", "names"),
            List.of("you", "can", "call", "me"), List.of("call", "me"), List.of("i", "am", "called"));
    private static final List<List<String>> WEAK_TRIGGERS = List.of(List.of("this", "is"), List.of("it", "is"),
            List.of("i", "am"));
    private static final Set<String> LEADING_FILLERS = Set.of("yeah", "yes", "yep", "yup", "sure", "ok", "um",
            "uh", "er", "erm", "well", "so", "oh", "hi", "hello", "hey", "hiya", "right", "its", "morning",
            "afternoon", "evening", "good", "certainly", "of", "course", "and");
    private static final Set<String> TRAILING_FILLERS = Set.of("please", "thanks", "thank", "you", "speaking",
            "here", "mate", "cheers", "calling");
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hiya", "morning", "afternoon",
            "evening", "yeah", "yes", "oh", "um", "uh", "er", "erm", "there");
    private static final Set<String> AFTER_NAME_CUES = Set.of("speaking", "here", "calling", "from");
    /** After a greeting, a name may run straight into the rest of the sentence ("hi it's sarah i've got a leak"). */
    private static final Set<String> AFTER_GREETED_NAME = Set.of("i", "and", "my", "we", "just", "again");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "doctor", "mister", "missus");
    private static final int MAX_NAME_WORDS = 3;

    /**
     * @param normalized   text from {@link TextNormalizer}
     * @param nameExpected the caller was just asked for their name, so a bare name counts
     */
    public Optional<String> extract(String normalized, boolean nameExpected) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        List<String> t = List.of(normalized.trim().split(" +"));
        for (List<String> trigger : STRONG_TRIGGERS) {
            int at = indexOf(t, trigger);
            if (at >= 0) {
                List<String> name = nameWords(t, at + trigger.size());
                if (!name.isEmpty()) {
                    return Optional.of(titleCase(name));
                }
            }
        }
        // "names pete" typed without the apostrophe, only at the start
        int start = skipFillers(t, 0);
        if (start < t.size() && t.get(start).equals("names")) {
            List<String> name = nameWords(t, start + 1);
            if (!name.isEmpty()) {
                return Optional.of(titleCase(name));
            }
        }
        for (List<String> trigger : WEAK_TRIGGERS) {
            int at = indexOf(t, trigger);
            if (at < 0) {
                continue;
            }
            List<String> name = nameWords(t, at + trigger.size());
            if (name.isEmpty()) {
                continue;
            }
            int after = at + trigger.size() + name.size();
            if (trigger.get(0).equals("i") && !nameExpected) {
                // "i'm kim park at 5 corn street": a first and last name followed by where they are
                boolean fullName = name.size() >= 2;
                boolean placed = after < t.size() && (t.get(after).equals("at") || t.get(after).equals("from")
                        || AFTER_NAME_CUES.contains(t.get(after)));
                if (fullName && placed) {
                    return Optional.of(titleCase(name));
                }
                continue;
            }
            boolean greeted = at > 0 && GREETINGS.contains(t.get(at - 1));
            boolean cued = after < t.size() && AFTER_NAME_CUES.contains(t.get(after));
            boolean runsOn = after < t.size() && AFTER_GREETED_NAME.contains(t.get(after));
            boolean alone = after == t.size();
            if (nameExpected || cued || (greeted && (runsOn || alone)) || (at == 0 && alone)) {
                return Optional.of(titleCase(name));
            }
        }
        // "dave speaking", "john smith here"
        List<String> leading = nameWords(t, start);
        int after = start + leading.size();
        if (!leading.isEmpty() && after < t.size()
                && (t.get(after).equals("speaking") || (nameExpected && t.get(after).equals("here")))) {
            return Optional.of(titleCase(leading));
        }
        if (nameExpected) {
            return bareName(t);
        }
        return Optional.empty();
    }

    private static Optional<String> bareName(List<String> t) {
        int from = skipFillers(t, 0);
        if (from < t.size() && TITLES.contains(t.get(from))) {
            from++;
        }
        int to = t.size();
        while (to > from && TRAILING_FILLERS.contains(t.get(to - 1))) {
            to--;
        }
        if (to - from < 1 || to - from > MAX_NAME_WORDS) {
            return Optional.empty();
        }
        List<String> words = t.subList(from, to);
        for (String word : words) {
            if (!isNameWord(word)) {
                return Optional.empty();
            }
        }
        return Optional.of(titleCase(words));
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

    private static List<String> nameWords(List<String> t, int from) {
        List<String> out = new ArrayList<>(MAX_NAME_WORDS);
        if (from < t.size() && TITLES.contains(t.get(from))) {
            from++;
        }
        for (int i = from; i < t.size() && out.size() < MAX_NAME_WORDS; i++) {
            if (!isNameWord(t.get(i))) {
                break;
            }
            out.add(t.get(i));
        }
        return out;
    }

    static boolean isNameWord(String w) {
        if (w.length() < 2 || w.length() > 20 || CommonWords.contains(w)) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return false;
        }
        // "blocked", "flooded", "fixed" are not names; "Ahmed", "Alfred", "Mohammed" are.
        if (w.length() > 4 && w.endsWith("ed") && "bcdgkpstvxz".indexOf(w.charAt(w.length() - 3)) >= 0) {
            return false;
        }
        return !(w.length() > 5 && w.endsWith("ly"));
    }

    private static String titleCase(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            String cased = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
            if (w.startsWith("mc") && w.length() > 3) {
                cased = "Mc" + w.substring(2, 3).toUpperCase(Locale.ROOT) + w.substring(3);
            }
            out.add(cased);
        }
        return String.join(" ", out);
    }
}

package io.switchboard.dialog.understanding;

import java.util.Locale;
import java.util.Set;

/**
 * Whether words stop where no English sentence ends: on an article, a preposition, a conjunction, a possessive, a
 * subject or a verb that needs what follows, or a filler ("i need a", "my boiler and", "i would", "um"). Stopping
 * there, the caller is surely going on, whatever the words so far would answer; stopping anywhere else, the end of the
 * words cannot tell.
 */
final class DanglingEnd {

    // Not here, though they often lead on, because answers end on them: "no", "oh" (a digit), "you" ("thank you"),
    // "is"/"am"/"are" ("yes it is"), "do"/"have"/"can" ("yes i do"), "got" ("got it").
    private static final Set<String> NEEDS_MORE = Set.of(
            // articles, possessives, determiners
            "a", "an", "the", "my", "your", "our", "his", "her", "their", "this", "some", "any",
            // prepositions and conjunctions
            "of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "into", "past", "and", "or", "but", "if",
            "because", "so", "than", "as",
            // subjects waiting for their verb, verbs waiting for their object
            "i", "i'm", "im", "we", "it's", "be", "been", "could", "would", "should", "need", "want", "like", "just",
            // fillers
            "um", "uh", "er", "erm", "hmm", "mm", "ah", "well", "hi", "hello", "hey", "hiya");

    private DanglingEnd() {
    }

    /** True for blank words too: nothing said is nothing finished. */
    static boolean at(String words) {
        String trimmed = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return true;
        }
        int space = trimmed.lastIndexOf(' ');
        String last = trimmed.substring(space + 1).replaceAll("[^a-z0-9']", "");
        return last.isEmpty() || NEEDS_MORE.contains(last);
    }
}

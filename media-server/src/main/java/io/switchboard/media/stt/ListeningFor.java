package io.switchboard.media.stt;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the question just asked expects to hear, in the recogniser's terms: how to tell whether a transcript answers
 * it, which phrases a constrained second pass may choose from, and whether a free transcription (Whisper) is the
 * better second pass (names and addresses, which no fixed list can hold).
 *
 * @param label      the expectation's name, for logs and counts ({@code "YES_NO"})
 * @param fits       whether a transcript answers the question
 * @param grammar    phrases for the constrained second pass, lower case; empty for no such pass
 * @param transcribe whether an open transcriber is the second pass for this question
 * @param grammarFirst whether the grammar pass is asked even when an open hypothesis fits: for answers the open
 *                   pass mishears into other answers of the same kind ("johnson said" for "john smith", "for eight"
 *                   for "four eight"), where fitting says nothing about being right
 * @param certainWords whether a grammar result may stand on its certain words alone: for an open sentence (the
 *                   opening request), whose grammar cannot hold every word a caller may say, the guessed and
 *                   out-of-grammar words are dropped and the rest stands when it is most of the sentence and fits;
 *                   for a closed answer every word must be certain. A fitting open hypothesis then stands on any lead
 *                   when the grammar could have heard it too (every word of it is in the grammar).
 */
public record ListeningFor(String label, Predicate<String> fits, List<String> grammar, boolean transcribe,
                           boolean grammarFirst, boolean certainWords) {

    /** No particular answer expected: the open first pass stands, whatever it heard. */
    public static final ListeningFor ANYTHING = new ListeningFor("NONE", text -> true, List.of(), false);

    /** A closed answer's expectation: a grammar result stands only when every word of it is certain. */
    public ListeningFor(String label, Predicate<String> fits, List<String> grammar, boolean transcribe,
                        boolean grammarFirst) {
        this(label, fits, grammar, transcribe, grammarFirst, false);
    }

    public ListeningFor {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(fits, "fits");
        grammar = List.copyOf(grammar);
    }

    /** An expectation whose fitting open hypothesis stands on a clear lead. */
    public ListeningFor(String label, Predicate<String> fits, List<String> grammar, boolean transcribe) {
        this(label, fits, grammar, transcribe, false, false);
    }

    /** Whether a second pass is worth running when the open pass heard nothing that fits. */
    boolean hasSecondPass() {
        return !grammar.isEmpty() || transcribe;
    }
}

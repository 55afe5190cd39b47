package io.switchboard.media.stt;

import io.switchboard.dialog.understanding.CommonNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The words a name answer is made of, for the grammar pass on "Can I take your name?": the ways people introduce
 * themselves ("my name is", "it's", a yes or no before a correction) and {@link CommonNames}. A recogniser limited to
 * these hears "john smith" where the open pass heard "johnson said"; a surname outside the list comes back as
 * {@code [unk]}, the grammar result is refused, and the open pass, the read-back and the other ways in deal with it.
 * Every word must also be in the model's vocabulary; {@link GrammarPass} drops phrases that are not.
 */
final class SpokenNameVocabulary {

    private static final List<String> CARRIERS = List.of("my name is", "my name's", "the name is", "name's", "it's",
            "it is", "this is", "i'm", "i am", "yes", "yeah", "no", "sorry", "please", "thanks", "thank you",
            "my first name is", "my surname is", "and");

    private SpokenNameVocabulary() {
    }

    /** The grammar's phrases: introductions, then single given names and surnames (the grammar joins them). */
    static List<String> phrases() {
        List<String> out = new ArrayList<>(CARRIERS);
        out.addAll(CommonNames.given());
        out.addAll(CommonNames.surnames());
        return List.copyOf(out);
    }
}

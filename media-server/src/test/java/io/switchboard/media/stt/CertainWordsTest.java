package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An open sentence's grammar result stands on its certain words only, and only when they are most of it. */
class CertainWordsTest {

    private static final ListeningFor OPENING = new ListeningFor("OPENING", t -> t.contains("appointment"),
            List.of("appointment"), false, false, true);

    @Test
    void guessedAndUnknownWordsAreLeftOutAndCounted() {
        VoskResults.CertainWords words = VoskResults.certainWords(result(
                word("i", 1.0), word("want", 0.66), word("move", 1.0), word("my", 1.0), word("appointment", 1.0),
                word("[unk]", 1.0)), GrammarPass.MIN_WORD_CONFIDENCE);

        assertThat(words.text()).isEqualTo("i move my appointment");
        assertThat(words.heard()).isEqualTo(6);
        assertThat(words.certain()).isEqualTo(4);
    }

    @Test
    void partsFinalisedAtVosksOwnEndpointsAddUp() {
        VoskResults.CertainWords first = VoskResults.certainWords(result(word("cancel", 1.0), word("um", 0.4)), 0.9);
        VoskResults.CertainWords both = first.then(VoskResults.certainWords(result(word("my", 0.95)), 0.9))
                .then(VoskResults.CertainWords.NONE);

        assertThat(both).isEqualTo(new VoskResults.CertainWords("cancel my", 3, 2));
        assertThat(VoskResults.certainWords("{\"text\":\"\"}", 0.9)).isEqualTo(VoskResults.CertainWords.NONE);
    }

    @Test
    void aSentenceStandsOnItsCertainWordsWhenTheyAreMostOfItAndFit() {
        assertThat(GrammarPass.certainPart(new VoskResults.CertainWords("move my appointment", 4, 3), OPENING))
                .hasValueSatisfying(s -> {
                    assertThat(s.text()).isEqualTo("move my appointment");
                    assertThat(s.lowestConfidence()).isEqualTo(0.75);
                });
        // most words guessed: what is left was pulled out of noise
        assertThat(GrammarPass.certainPart(new VoskResults.CertainWords("appointment", 3, 1), OPENING)).isEmpty();
        // certain, but not what the question is about
        assertThat(GrammarPass.certainPart(new VoskResults.CertainWords("my tap", 2, 2), OPENING)).isEmpty();
        assertThat(GrammarPass.certainPart(VoskResults.CertainWords.NONE, OPENING)).isEmpty();
    }

    @Test
    void aHypothesisWithAWordTheGrammarLacksIsNotCoveredByIt() {
        GrammarPass pass = new GrammarPass(null, null);
        List<String> phrases = List.of("no thank you", "goodbye", "my appointment");

        assertThat(pass.covers(phrases, "no thank you goodbye")).isTrue();
        assertThat(pass.covers(phrases, "thank you my appointment")).isTrue();
        assertThat(pass.covers(phrases, "no thank you good via")).isFalse();
    }

    private static String word(String w, double conf) {
        return "{\"conf\":" + conf + ",\"start\":0,\"end\":0,\"word\":\"" + w + "\"}";
    }

    private static String result(String... words) {
        return "{\"result\":[" + String.join(",", words) + "],\"text\":\"\"}";
    }
}

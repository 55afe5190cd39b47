package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.phrasing.VoicePhrasing;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Sentence splitting and call ids: the text rules of the voice loop (early answers are the dialog's AnswerCheck). */
class CallTextTest {

    @Test
    void repliesSplitIntoSentencesThatMatchCachedPrompts() {
        assertThat(Sentences.of("Thanks for calling Bristol Plumbing. How can I help you today?"))
                .containsExactly("Thanks for calling Bristol Plumbing.", "How can I help you today?");
        assertThat(Sentences.of("  Sorry!  Is it 10.30 a m?  ")).containsExactly("Sorry!", "Is it 10.30 a m?");
        assertThat(Sentences.of("")).isEmpty();
        assertThat(Sentences.of(null)).isEmpty();
        assertThat(CallPrompts.standard("Bristol Plumbing")).contains("Thanks for calling Bristol Plumbing.",
                "How can I help you today?", "Goodbye.", CallPrompts.STILL_THERE).doesNotHaveDuplicates();
    }

    @Test
    void everyFixedSentenceTheEngineSpeaksIsPreloaded() {
        List<String> preloaded = CallPrompts.standard("Bristol Plumbing");
        for (String text : VoicePhrasing.fixedSentences("Bristol Plumbing")) {
            assertThat(preloaded).as(text).containsAll(Sentences.of(text));
        }
        assertThat(preloaded).contains("Could you tell me your name?", "For example, Sarah Jones.",
                "What day and time would suit you?");
    }

    @Test
    void callIdsAreShortenedForLogs() {
        assertThat(CallIds.mask("CA5f0e8ae6ade43cb3c0ce4525424e404f")).isEqualTo("…4e404f");
        assertThat(CallIds.mask("CA\n<x>")).isEqualTo("…CAx");
        assertThat(CallIds.mask(null)).isEqualTo("…");
    }
}

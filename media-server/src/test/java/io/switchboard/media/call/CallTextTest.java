package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.dialog.phrasing.VoicePhrasing;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.models.Greeting;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
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
    void theBusinessesOwnGreetingWithItsDisclosureIsPreloadedSentenceBySentence() {
        BusinessProfile dental = new BusinessProfileLoader().loadResource(BusinessProfileLoader.DENTAL_SAMPLE_RESOURCE);
        String greeting = Phrasing.forChannel(Channel.VOICE).greeting(dental);

        List<String> preloaded = CallPrompts.standard(dental);

        assertThat(Sentences.of(greeting)).containsExactly("Thank you for calling Bristol Dental.",
                "I'm the practice's automated assistant, and this call is transcribed.", "How can I help?");
        assertThat(preloaded).containsAll(Sentences.of(greeting)).contains(CallPrompts.STILL_THERE)
                .doesNotHaveDuplicates();
        assertThat(CallPrompts.standard("Bristol Plumbing")).contains(Greeting.STANDARD_DISCLOSURE);
    }

    @Test
    void callIdsAreShortenedForLogs() {
        assertThat(CallIds.mask("CA5f0e8ae6ade43cb3c0ce4525424e404f")).isEqualTo("…4e404f");
        assertThat(CallIds.mask("CA\n<x>")).isEqualTo("…CAx");
        assertThat(CallIds.mask(null)).isEqualTo("…");
    }
}

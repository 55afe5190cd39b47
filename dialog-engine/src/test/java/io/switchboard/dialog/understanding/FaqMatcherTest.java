package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaqMatcherTest {

    private final FaqMatcher faq = new FaqMatcher();
    private final List<io.switchboard.models.FaqEntry> entries = SampleProfiles.bristolPlumbing().faq();

    @Test
    void matchesByKeywordWordsAndPhrases() {
        assertThat(faq.match("what are your opening hours", entries)).contains(SampleProfiles.HOURS);
        assertThat(faq.match("when do you close on saturday", entries)).contains(SampleProfiles.HOURS);
        assertThat(faq.match("how much is it", entries)).contains(SampleProfiles.PRICES);
        assertThat(faq.match("what do you charge", entries)).contains(SampleProfiles.PRICES);
        assertThat(faq.match("do you cover clifton", entries)).contains(SampleProfiles.AREA);
        assertThat(faq.match("where are you based", entries)).contains(SampleProfiles.AREA);
    }

    @Test
    void matchesNothingWithoutAKeyword() {
        assertThat(faq.match("my boiler is broken", entries)).isEmpty();
        assertThat(faq.match("", entries)).isEmpty();
        assertThat(faq.match("hours", List.of())).isEmpty();
        assertThat(faq.match("how", entries)).isEmpty();
    }
}

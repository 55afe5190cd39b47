package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each extractor says which words of the normalized text it used, so competing readings can be compared. */
class ExtractorSpansTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void nameSpan() {
        NormalizedText text = normalizer.normalize("hi it's Siobhan O'Neill-Hughes, I've got a leak");
        assertThat(new NameExtractor().find(text, false)).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Siobhan O'Neill-Hughes");
            assertThat(m.span().in(text.text())).isEqualTo("siobhan oneill hughes");
        });
    }

    @Test
    void emailSpan() {
        NormalizedText text = normalizer.normalize("yeah its john dot smith at gmail dot com thanks");
        assertThat(new EmailExtractor().find(text)).hasValueSatisfying(m -> {
            assertThat(m.email()).isEqualTo("john.smith@gmail.com");
            assertThat(m.span().in(text.text())).isEqualTo("john dot smith at gmail dot com");
        });
    }

    @Test
    void phoneSpan() {
        String text = normalizer.normalize("ring me on oh seven seven double oh nine double oh one two three at 3")
                .text();
        assertThat(new PhoneExtractor().find(text, "GB")).hasValueSatisfying(m -> {
            assertThat(m.e164()).isEqualTo("+447700900123");
            assertThat(m.span().in(text)).isEqualTo(m.matchedText());
        });
    }

    @Test
    void spansCompare() {
        Span a = new Span(0, 4);
        assertThat(a.overlaps(new Span(3, 6))).isTrue();
        assertThat(a.overlaps(new Span(4, 6))).isFalse();
        assertThat(a.overlaps(null)).isFalse();
        assertThat(a.length()).isEqualTo(4);
        assertThatThrownBy(() -> new Span(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

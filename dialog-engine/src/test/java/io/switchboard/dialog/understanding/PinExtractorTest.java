package io.switchboard.dialog.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PinExtractorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final PinExtractor pins = new PinExtractor();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            one two three four          | 1234
            my pin is four three two one | 4321
            1234                         | 1234
            12 34                        | 1234
            oh nine eight seven          | 0987
            it's 4 3 2 1                 | 4321
            double four double two       | 4422
            for eight two nine one six   | 482916
            four eight to nine one six   | 482916
            for ate to nine won six      | 482916
            or eight two nine one six    | 482916
            my pin is 1 2 3 for          | 1234
            """)
    void readsPins(String text, String digits) {
        assertThat(pins.extract(normalizer.normalize(text).text())).contains(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"one two three", "no", "123456789", "at 3", "", "that's for you", "to be honest"})
    void rejectsWhatIsNotAPin(String text) {
        assertThat(pins.extract(normalizer.normalize(text).text())).isEmpty();
    }
}

package io.switchboard.dialog.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameExtractorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final NameExtractor names = new NameExtractor();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my name is john smith                           | John Smith
            My name's Sarah Jane Connor please              | Sarah Jane Connor
            it's sarah                                      | Sarah
            hi it's sarah jones i've got a leak             | Sarah Jones
            this is dave speaking                           | Dave
            this is dave from number 12                     | Dave
            name's pete                                     | Pete
            names pete                                      | Pete
            you can call me liz                             | Liz
            the name is mcdonald                            | McDonald
            dave speaking                                   | Dave
            my name is john smith and my number is 07700900123 | John Smith
            I'm Kim Park at 5 Corn Street                   | Kim Park
            tuesday at two p m name's rachel adams around then is fine if not | Rachel Adams
            yeah oops matt cooper is my name                | Matt Cooper
            sorry, Aoife Byrne is my name not Aoife Burn    | Aoife Byrne
            """)
    void findsNamesAnywhere(String text, String expected) {
        assertThat(names.extract(normalizer.normalize(text).text(), false)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            john smith              | John Smith
            yeah it's mary jones    | Mary Jones
            Pete.                   | Pete
            um priya patel          | Priya Patel
            i am ahmed              | Ahmed
            john smith here         | John Smith
            """)
    void takesABareNameWhenAsked(String text, String expected) {
        assertThat(names.extract(normalizer.normalize(text).text(), true)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "tomorrow", "i don't know", "it's not working", "this is urgent",
            "it's leaking", "it is blocked", "i am not sure", "sorry what", "the boiler", "next thursday",
            "why do you need that", "ok thanks", "my name is", "12 park street", "", "hmm", "this is my name"})
    void rejectsWhatIsNotAName(String text) {
        assertThat(names.extract(normalizer.normalize(text).text(), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"john smith", "it is broken", "i am looking for a plumber", "this is ridiculous please",
            "i'm at work", "i'm flooding here", "i am stuck at home"})
    void doesNotGuessANameWhenNoneWasAsked(String text) {
        assertThat(names.extract(normalizer.normalize(text).text(), false)).isEmpty();
    }
}

package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Hello,   World!!                         | hello world
            tmrw 3pm?                                | tomorrow 3 pm
            2moro @ 10:30am pls                      | tomorrow 10:30 am please
            can u do Fri or Sat?                     | can you do friday or saturday
            thx, see u weds                          | thanks see you wednesday
            I sat down                               | i sat down
            9ish                                     | 9 ish
            3.30pm                                   | 3:30 pm
            at 10.30                                 | at 10:30
            it costs 95.50                           | it costs 95.50
            don't; can't; won't; I'm                 | do not cannot will not i am
            dont cant wont im                        | do not cannot will not i am
            it's sarah, what's up, that's fine       | it is sarah what is up that is fine
            my drain's blocked                       | my drains blocked
            name's pete                              | name is pete
            five o'clock / five o clock              | 5:00 5:00
            9am-11am                                 | 9 am to 11 am
            07700-900-123                            | 07700 900 123
            +44 (0) 7700 900123                      | +44 0 7700 900123
            23/11 & 24/11                            | 23/11 and 24/11
            mail me at j.smith@example.com           | mail me at j.smith@example.com
            it's 3 p.m.                              | it is 3 pm
            """)
    void cleansTypedText(String input, String expected) {
        assertThat(normalizer.normalize(input).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            oh seven seven double one                       | 07711
            oh seven seven double oh nine double oh one two three | 07700900123
            seven seven hundred nine hundred                | 7700900
            triple five one                                 | 5551
            one two three four                              | 1234
            three thirty                                    | 3:30
            eleven forty five                               | 11:45
            nine oh five                                    | 9:05
            half past two                                   | 2:30
            a quarter to four                               | 3:45
            quarter past eleven                             | 11:15
            twenty past three                               | 3:20
            twenty five to six                              | 5:35
            from ten to twelve                              | from 10 to 12
            half two                                        | 2:30
            half an hour                                    | half an hour
            the twenty third                                | the 23rd
            the third                                       | the 3rd
            the first of december                           | the 1st of december
            first thing                                     | first thing
            the first one                                   | the first one
            hold on a second                                | hold on a second
            first of all                                    | first of all
            twenty five                                     | 25
            a hundred and twenty                            | a 120
            the later one                                   | the later one
            at one                                          | at 1
            one thirty                                      | 1:30
            no one is home                                  | no one is home
            flat two fifteen gloucester road                | flat 2 15 gloucester road
            oh yes                                          | oh yes
            oh three thirty works                           | oh 3:30 works
            """)
    void convertsSpokenNumbers(String input, String expected) {
        assertThat(normalizer.normalize(input).text()).isEqualTo(expected);
    }

    @Test
    void keepsTheOriginalText() {
        NormalizedText t = normalizer.normalize("Tmrw 3PM?");
        assertThat(t.original()).isEqualTo("Tmrw 3PM?");
        assertThat(t.tokens()).containsExactly("tomorrow", "3", "pm");
    }

    @Test
    void emptyAndGarbageGiveEmptyText() {
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
        assertThat(normalizer.normalize("   ").isEmpty()).isTrue();
        assertThat(normalizer.normalize("?!?! ... ###").isEmpty()).isTrue();
        assertThat(normalizer.normalize("\u0000\u0007\t\n").isEmpty()).isTrue();
        assertThat(normalizer.normalize("\uD83D\uDE00\uD83D\uDD27").isEmpty()).isTrue();
    }

    @Test
    void capsHugeInput() {
        NormalizedText t = normalizer.normalize("blocked drain ".repeat(10_000));
        assertThat(t.original()).hasSize(TextNormalizer.MAX_INPUT_CHARS);
        assertThat(t.text().length()).isLessThanOrEqualTo(TextNormalizer.MAX_INPUT_CHARS);
    }
}

package io.switchboard.dialog.phrasing;

/** Numbers as words, so speech synthesis never has to guess how to read a digit or a symbol. */
final class SpokenNumbers {

    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty"};
    private static final String[] ORDINAL_UNITS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    private static final String[] ORDINAL_TENS = {"", "", "twentieth", "thirtieth"};

    private SpokenNumbers() {
    }

    /** 0..59 as words: "twenty five". */
    static String cardinal(int n) {
        if (n < 0 || n >= 60) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 20) {
            return UNITS[n];
        }
        return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + " " + UNITS[n % 10];
    }

    /** 1..31 as an ordinal: "twenty third". */
    static String ordinal(int n) {
        if (n < 1 || n > 31) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 20) {
            return ORDINAL_UNITS[n];
        }
        return n % 10 == 0 ? ORDINAL_TENS[n / 10] : TENS[n / 10] + " " + ORDINAL_UNITS[n % 10];
    }

    /** Each digit as a word: "one two three". */
    static String digits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isDigit(c)) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(UNITS[c - '0']);
            }
        }
        return b.toString();
    }
}

package io.switchboard.dialog.phrasing;

/** Numbers as words, so speech synthesis never has to guess how to read a digit or a symbol. */
public final class SpokenNumbers {

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
    public static String ordinal(int n) {
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

    /** A phone-like number: five or more digits, possibly in groups ("0800 111 999", "999"). */
    private static final java.util.regex.Pattern PHONE_LIKE =
            java.util.regex.Pattern.compile("\\b\\d{3,}(?:[ -]\\d{2,})*\\b");

    /**
     * Phone-like numbers in {@code text} read digit by digit, groups apart and zero as "oh" the way numbers are said
     * on the phone: "0800 111 999" becomes "oh eight oh oh, one one one, nine nine nine".
     */
    static String digitsInText(String text) {
        java.util.regex.Matcher m = PHONE_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            java.util.List<String> groups = new java.util.ArrayList<>();
            for (String group : m.group().split("[ -]")) {
                groups.add(digits(group).replace("zero", "oh"));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.join(", ", groups)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

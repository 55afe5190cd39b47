package io.switchboard.dialog.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as a speech-to-text transcript writes them, and back (for reading spoken replies). */
final class SpokenNumbers {

    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private SpokenNumbers() {
    }

    static String words(int n) {
        if (n < 20) {
            return UNITS[n];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + UNITS[n % 10]);
        }
        return UNITS[n / 100] + " hundred" + (n % 100 == 0 ? "" : " and " + words(n % 100));
    }

    static String ordinal(int n) {
        if (n <= 20) {
            return ORDINALS[n];
        }
        if (n % 10 == 0) {
            return TENS[n / 10].replaceAll("y$", "ieth");
        }
        return TENS[n / 10] + " " + ORDINALS[n % 10];
    }

    /**
     * Every digit run in the text spelt out ("flat 4" becomes "flat four"); a letter glued to the number is a word of
     * its own, as a recogniser writes what it hears ("flat 4b" becomes "flat four b", not "flat fourb").
     */
    static String inWords(String text) {
        Matcher m = DIGITS.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            boolean letterFollows = m.end() < text.length() && Character.isLetter(text.charAt(m.end()));
            m.appendReplacement(b, words(Integer.parseInt(m.group())) + (letterFollows ? " " : ""));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A spoken number word's value, or -1. */
    static int value(String word) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(word)) {
                return i;
            }
        }
        for (int i = 2; i < TENS.length; i++) {
            if (TENS[i].equals(word)) {
                return i * 10;
            }
        }
        return -1;
    }

    /** Phone digits as a caller reads them out: "oh seven seven double oh nine...". */
    static String phoneSpoken(String national) {
        String digits = national.replaceAll("\\D", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean doubled = i + 1 < digits.length() && digits.charAt(i + 1) == c
                    && (i + 2 >= digits.length() || digits.charAt(i + 2) != c);
            String w = c == '0' ? "oh" : UNITS[c - '0'];
            if (!b.isEmpty()) {
                b.append(' ');
            }
            if (doubled) {
                b.append("double ").append(w);
                i++;
            } else {
                b.append(w);
            }
        }
        return b.toString();
    }
}

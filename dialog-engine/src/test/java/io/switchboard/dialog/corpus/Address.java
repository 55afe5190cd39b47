package io.switchboard.dialog.corpus;

import java.util.Locale;

/**
 * A service address as the caller knows it.
 *
 * @param prefix   "Flat 2", "Basement Flat", "Unit 3", or empty
 * @param number   house number
 * @param street   street name
 * @param town     town, may be empty
 * @param postcode UK postcode, with its space
 */
record Address(String prefix, int number, String street, String town, String postcode) {

    String line1() {
        return (prefix.isEmpty() ? "" : prefix + ", ") + number + " " + street;
    }

    String full() {
        return line1() + (town.isEmpty() ? "" : ", " + town) + " " + postcode;
    }

    /** As a texter types it: with or without commas, town, "St"/"Rd", postcode spacing, capitals. */
    String typed(java.util.Random rnd, boolean lower, boolean withPostcode) {
        String street = this.street;
        if (rnd.nextDouble() < 0.3) {
            street = street.replaceAll("Street$", "St").replaceAll("Road$", "Rd").replaceAll("Avenue$", "Ave");
        }
        boolean commas = rnd.nextDouble() < 0.6;
        String sep = commas ? ", " : " ";
        String s = (prefix.isEmpty() ? "" : prefix + sep) + number + " " + street
                + (town.isEmpty() ? "" : sep + town);
        if (withPostcode) {
            String pc = rnd.nextDouble() < 0.2 ? postcode.replace(" ", "") : postcode;
            s += (commas ? ", " : " ") + pc;
        }
        return lower ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** As a speech-to-text transcript of someone saying it: lower case, numbers and postcode spoken. */
    String spoken(boolean withPostcode) {
        String p = prefix.isEmpty() ? "" : SpokenNumbers.inWords(prefix.toLowerCase(Locale.ROOT)) + " ";
        String s = p + SpokenNumbers.words(number) + " " + street.toLowerCase(Locale.ROOT)
                + (town.isEmpty() ? "" : " " + town.toLowerCase(Locale.ROOT));
        return withPostcode ? s + " " + spokenPostcode() : s;
    }

    /** "BS6 5QA" as people say it: "b s six five q a". */
    String spokenPostcode() {
        StringBuilder b = new StringBuilder();
        for (char ch : postcode.toLowerCase(Locale.ROOT).replace(" ", "").toCharArray()) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(Character.isDigit(ch) ? SpokenNumbers.words(ch - '0') : String.valueOf(ch));
        }
        return b.toString();
    }
}

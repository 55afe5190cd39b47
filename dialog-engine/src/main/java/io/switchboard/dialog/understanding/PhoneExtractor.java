package io.switchboard.dialog.understanding;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a phone number in a turn and returns it in E.164, using libphonenumber for validation and formatting.
 * Works on normalized text, where spoken digits are already digits ("oh seven seven double oh nine..." is
 * {@code 07700 9...}); digit groups separated by spaces ("+44 7700 900123", "07700 900 123") are joined, and a
 * spoken "plus" before the digits is read as {@code +}.
 */
public final class PhoneExtractor {

    /**
     * A number found in text.
     *
     * @param e164        the number in E.164
     * @param matchedText the digit groups it was read from, as they are in the normalized text
     * @param span        where they are in the normalized text
     */
    public record Match(String e164, String matchedText, Span span) {

        public Match(String e164, String matchedText) {
            this(e164, matchedText, null);
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern DIGIT_GROUP = Pattern.compile("^\\+?\\d+$");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private final TextNormalizer normalizer = new TextNormalizer();

    /** Normalizes raw text (spoken or typed) and returns the first phone number in it as E.164. */
    public Optional<String> toE164(String rawText, String region) {
        return find(normalizer.normalize(rawText).text(), region).map(Match::e164);
    }

    /**
     * @param normalized text from {@link TextNormalizer}
     * @param region     ISO 3166 region for numbers without a country code ({@code "GB"})
     */
    public Optional<Match> find(String normalized, String region) {
        if (normalized == null || normalized.isBlank()) {
            return Optional.empty();
        }
        String[] tokens = normalized.split(" ");
        int[] starts = new int[tokens.length];
        for (int k = 1; k < tokens.length; k++) {
            starts[k] = starts[k - 1] + tokens[k - 1].length() + 1;
        }
        Match possible = null;
        int i = 0;
        while (i < tokens.length) {
            if (!DIGIT_GROUP.matcher(tokens[i]).matches()) {
                i++;
                continue;
            }
            int j = i;
            while (j < tokens.length && DIGIT_GROUP.matcher(tokens[j]).matches()
                    && (j == i || !tokens[j].startsWith("+"))) {
                j++;
            }
            boolean spokenPlus = i > 0 && tokens[i - 1].equals("plus");
            // Longest valid stretch of the run wins; a shorter one covers "07700900123 3" and similar.
            for (int len = j - i; len >= 1; len--) {
                for (int start = i; start + len <= j; start++) {
                    List<String> group = new ArrayList<>(List.of(tokens).subList(start, start + len));
                    String candidate = String.join("", group);
                    if (spokenPlus && start == i && !candidate.startsWith("+")) {
                        candidate = "+" + candidate;
                    }
                    int digits = candidate.startsWith("+") ? candidate.length() - 1 : candidate.length();
                    if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
                        continue;
                    }
                    Optional<PhoneNumber> number = parse(candidate, region);
                    if (number.isEmpty()) {
                        continue;
                    }
                    String matched = String.join(" ", group);
                    String e164 = PHONES.format(number.get(), PhoneNumberUtil.PhoneNumberFormat.E164);
                    Span span = new Span(starts[start], starts[start] + matched.length());
                    if (PHONES.isValidNumber(number.get())) {
                        return Optional.of(new Match(e164, matched, span));
                    }
                    // Not valid, but what the rest of the system stores (scheduling's rule), and written as a
                    // dialled number rather than any run of digits.
                    if (possible == null && (candidate.startsWith("+") || candidate.startsWith("0"))
                            && new PhoneNumberNormalizer(region == null || region.isBlank() ? "ZZ" : region)
                            .toE164(candidate).isPresent()) {
                        possible = new Match(e164, matched, span);
                    }
                }
            }
            i = j;
        }
        return Optional.ofNullable(possible);
    }

    private static Optional<PhoneNumber> parse(String candidate, String region) {
        try {
            return Optional.of(PHONES.parse(candidate, region == null || region.isBlank() ? "ZZ" : region));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}

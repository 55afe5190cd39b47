package io.switchboard.scheduling.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Objects;
import java.util.Optional;

/** Turns what people type or say as a phone number into E.164, the key customers are stored under. */
public final class PhoneNumberNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region used for numbers written without a country code ({@code "GB"}) */
    public PhoneNumberNormalizer(String defaultRegion) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
    }

    public static boolean isSupportedRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /** E.164 form of {@code raw}, or empty when it cannot be a phone number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, defaultRegion);
            // Valid, or at least of full length for its country: metadata lags new number ranges, and Ofcom's
            // reserved drama range (07700 900xxx), used in examples and tests, is not "valid" to libphonenumber.
            if (!UTIL.isValidNumber(number) && !fullLengthPossible(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static boolean fullLengthPossible(Phonenumber.PhoneNumber number) {
        if (UTIL.isPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            return false;
        }
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        Phonenumber.PhoneNumber example = UTIL.getExampleNumber(region);
        return example != null
                && UTIL.getNationalSignificantNumber(number).length() >= UTIL.getNationalSignificantNumber(example).length();
    }

    public String defaultRegion() {
        return defaultRegion;
    }
}

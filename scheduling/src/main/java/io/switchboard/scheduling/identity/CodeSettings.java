package io.switchboard.scheduling.identity;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configurable part of the {@link CodePolicy}: {@value CodePolicy#COUNTRIES} (comma-separated ISO regions; unset
 * means the business profile's region, known only once the profile is loaded) and {@value CodePolicy#DAILY_CAP}
 * (default {@value CodePolicy#DEFAULT_DAILY_CAP}).
 *
 * @param countries regions whose numbers may be texted a code, upper case; empty for the profile's region
 * @param dailyCap  codes sent in any 24 hours
 */
public record CodeSettings(List<String> countries, int dailyCap) {

    /** A cap above this is a typo, not a plan: it would let one day's abuse cost real money. */
    static final int MAX_DAILY_CAP = 100_000;

    public CodeSettings {
        countries = List.copyOf(countries);
    }

    /** No variables set: the profile's region, the default cap. */
    public static CodeSettings defaults() {
        return new CodeSettings(List.of(), CodePolicy.DEFAULT_DAILY_CAP);
    }

    /** @throws IllegalArgumentException naming the variable and the real bounds */
    public static CodeSettings from(SettingsSource source) {
        // Both keys are read even when the first is bad, so one start-up names both.
        SettingsFields fields = new SettingsFields();
        List<String> countries = fields.read(CodePolicy.COUNTRIES, List.of(),
                () -> countries(source.getOrDefault(CodePolicy.COUNTRIES, "").strip()));
        int cap = fields.read(CodePolicy.DAILY_CAP, CodePolicy.DEFAULT_DAILY_CAP,
                () -> dailyCap(source.getOrDefault(CodePolicy.DAILY_CAP, "").strip()));
        fields.check();
        return new CodeSettings(countries, cap);
    }

    private static List<String> countries(String listed) {
        Set<String> countries = new LinkedHashSet<>();
        for (String region : Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String r = region.toUpperCase(Locale.ROOT);
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(r)) {
                throw new IllegalArgumentException(CodePolicy.COUNTRIES + ": '" + printable(region)
                        + "' is not an ISO 3166 region like GB or IE");
            }
            countries.add(r);
        }
        return List.copyOf(countries);
    }

    private static int dailyCap(String capText) {
        if (capText.isEmpty()) {
            return CodePolicy.DEFAULT_DAILY_CAP;
        }
        int cap;
        try {
            cap = Integer.parseInt(capText);
        } catch (NumberFormatException e) {
            cap = -1;
        }
        if (cap < 1 || cap > MAX_DAILY_CAP) {
            throw new IllegalArgumentException(CodePolicy.DAILY_CAP + " must be a whole number from 1 to "
                    + MAX_DAILY_CAP);
        }
        return cap;
    }

    /** The policy, with codes to {@code defaultRegion} (the profile's) when no countries are configured. */
    public CodePolicy policy(String defaultRegion) {
        Set<String> regions = countries.isEmpty() ? Set.of(defaultRegion.toUpperCase(Locale.ROOT)) : Set.copyOf(countries);
        return new CodePolicy(regions, dailyCap, CodePolicy.PER_NUMBER_PER_HOUR, CodePolicy.PER_CLIENT_PER_HOUR,
                CodePolicy.LIFETIME, CodePolicy.MAX_TRIES);
    }

    private static String printable(String s) {
        String cut = s.length() > 12 ? s.substring(0, 12) : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

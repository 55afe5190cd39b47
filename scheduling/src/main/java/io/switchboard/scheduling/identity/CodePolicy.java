package io.switchboard.scheduling.identity;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The limits of the one-time codes: how long a code lives, how many tries it allows, how many may be sent to one
 * number and for one client in an hour, how many in a day overall, and which countries' numbers may receive one.
 * The caps exist so that the code flow cannot be used to pump SMS to premium or foreign numbers.
 *
 * @param countries       ISO 3166 regions whose numbers may be texted a code ({@code GB})
 * @param dailyCap        codes sent in any 24 hours, across every number and instance
 * @param perNumberPerHour codes sent to one number in any hour
 * @param perClientPerHour codes asked for by one client (a web address, a sender) in any hour
 * @param lifetime        how long a code can be typed
 * @param maxTries        wrong codes before it is spent
 */
public record CodePolicy(Set<String> countries, int dailyCap, int perNumberPerHour, int perClientPerHour,
                         Duration lifetime, int maxTries) {

    public static final String COUNTRIES = "SWITCHBOARD_SMS_COUNTRIES";
    public static final String DAILY_CAP = "SWITCHBOARD_CODE_DAILY_CAP";
    public static final int DEFAULT_DAILY_CAP = 100;
    public static final int PER_NUMBER_PER_HOUR = 3;
    public static final int PER_CLIENT_PER_HOUR = 5;
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The database's own bound too ({@code one_time_code_attempts_bounded}). */
    public static final int MAX_TRIES = 5;
    /** A cap above this is a typo, not a plan: it would let one day's abuse cost real money. */
    private static final int MAX_DAILY_CAP = 100_000;

    public CodePolicy {
        countries = Set.copyOf(Objects.requireNonNull(countries, "countries"));
        if (countries.isEmpty()) {
            throw new IllegalArgumentException(COUNTRIES + " must name at least one country");
        }
        if (dailyCap < 1 || perNumberPerHour < 1 || perClientPerHour < 1 || maxTries < 1 || maxTries > MAX_TRIES) {
            throw new IllegalArgumentException("code limits must be positive and tries at most " + MAX_TRIES);
        }
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The defaults, codes to numbers of {@code region} only. */
    public static CodePolicy forRegion(String region) {
        return new CodePolicy(Set.of(region.toUpperCase(Locale.ROOT)), DEFAULT_DAILY_CAP, PER_NUMBER_PER_HOUR,
                PER_CLIENT_PER_HOUR, LIFETIME, MAX_TRIES);
    }

    /**
     * {@value #COUNTRIES} (comma-separated ISO regions, default {@code defaultRegion}, the profile's) and
     * {@value #DAILY_CAP} (default {@value #DEFAULT_DAILY_CAP}).
     *
     * @throws IllegalArgumentException naming the variable and the real bounds
     */
    public static CodePolicy fromEnvironment(Map<String, String> env, String defaultRegion) {
        String listed = env.getOrDefault(COUNTRIES, "").strip();
        Set<String> countries = new LinkedHashSet<>();
        if (listed.isEmpty()) {
            countries.add(defaultRegion.toUpperCase(Locale.ROOT));
        } else {
            for (String region : Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                String r = region.toUpperCase(Locale.ROOT);
                if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(r)) {
                    throw new IllegalArgumentException(COUNTRIES + ": '" + printable(region)
                            + "' is not an ISO 3166 region like GB or IE");
                }
                countries.add(r);
            }
        }
        int cap = DEFAULT_DAILY_CAP;
        String capText = env.getOrDefault(DAILY_CAP, "").strip();
        if (!capText.isEmpty()) {
            try {
                cap = Integer.parseInt(capText);
            } catch (NumberFormatException e) {
                cap = -1;
            }
            if (cap < 1 || cap > MAX_DAILY_CAP) {
                throw new IllegalArgumentException(DAILY_CAP + " must be a whole number from 1 to " + MAX_DAILY_CAP);
            }
        }
        return new CodePolicy(countries, cap, PER_NUMBER_PER_HOUR, PER_CLIENT_PER_HOUR, LIFETIME, MAX_TRIES);
    }

    /** A copy with another daily cap (tests, small deployments). */
    public CodePolicy withDailyCap(int cap) {
        return new CodePolicy(countries, cap, perNumberPerHour, perClientPerHour, lifetime, maxTries);
    }

    private static String printable(String s) {
        String cut = s.length() > 12 ? s.substring(0, 12) : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

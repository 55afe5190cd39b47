package io.switchboard.scheduling.identity;

import java.time.Duration;
import java.util.Locale;
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

    /** A copy with another daily cap (tests, small deployments). */
    public CodePolicy withDailyCap(int cap) {
        return new CodePolicy(countries, cap, perNumberPerHour, perClientPerHour, lifetime, maxTries);
    }

}

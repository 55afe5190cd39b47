package io.switchboard.models;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything Switchboard knows about one business, loaded from its profile file.
 *
 * @param name              the business's name as spoken ({@code "Bristol Plumbing"})
 * @param timezone          where the business works; every date and time a caller says is read in it
 * @param phoneRegion       ISO 3166 region for reading local phone numbers ({@code "GB"})
 * @param hours             weekly opening hours
 * @param blackoutDates     days with no bookings at all (holidays)
 * @param rules             buffers, notice, horizon, per-day limit
 * @param services          what the business does
 * @param owner             who runs it
 * @param emergencyKeywords phrases that mark a conversation as an emergency
 * @param faq               answers to common questions
 * @param serviceArea       where the business works, in words
 * @param id                stable slug of the business ({@code "bristol-plumbing"}); a data directory holds the
 *                          bookings of one business id only
 * @param kind              what sort of business it is; decides the default {@code intake}
 * @param intake            what a booking collects from the caller; always includes {@link IntakeField#PHONE}
 * @param greeting          the business's own opening words, or {@link Greeting#STANDARD}
 * @param safety            advice said before anything else when a caller describes a danger (gas, water near
 *                          electrics), in the profile's order: the first rule that matches is said
 */
public record BusinessProfile(String name, ZoneId timezone, String phoneRegion, WeeklyHours hours,
                              Set<LocalDate> blackoutDates, BookingRules rules, List<ServiceType> services,
                              Owner owner, List<String> emergencyKeywords, List<FaqEntry> faq, String serviceArea,
                              String id, BusinessKind kind, Set<IntakeField> intake, Greeting greeting,
                              List<SafetyRule> safety) {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    public BusinessProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(phoneRegion, "phoneRegion");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(owner, "owner");
        blackoutDates = blackoutDates == null ? Set.of() : Set.copyOf(blackoutDates);
        services = services == null ? List.of() : List.copyOf(services);
        emergencyKeywords = emergencyKeywords == null ? List.of()
                : emergencyKeywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        faq = faq == null ? List.of() : List.copyOf(faq);
        serviceArea = serviceArea == null ? "" : serviceArea;
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a business needs at least one service");
        }
        id = id == null || id.isBlank() ? slugOf(name) : id;
        kind = kind == null ? BusinessKind.TRADES : kind;
        intake = intake == null ? kind.defaultIntake() : Set.copyOf(intake);
        greeting = greeting == null ? Greeting.STANDARD : greeting;
        safety = safety == null ? List.of() : List.copyOf(safety);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a business needs a name or an id made of letters or digits");
        }
        if (!intake.contains(IntakeField.PHONE)) {
            // Confirmations, changes and cancellations all go by the booking's number.
            throw new IllegalArgumentException("a booking always needs the caller's phone number");
        }
    }

    /**
     * This profile with the owner's dashboard settings in place of the file's hours, blackout days and FAQ; the
     * caller has validated them (the scheduling profile loader does).
     */
    public BusinessProfile withOwnerSettings(WeeklyHours newHours, Set<LocalDate> newBlackouts, List<FaqEntry> newFaq) {
        return new BusinessProfile(name, timezone, phoneRegion, newHours, newBlackouts, rules, services, owner,
                emergencyKeywords, newFaq, serviceArea, id, kind, intake, greeting, safety);
    }

    /** Without safety rules. */
    public BusinessProfile(String name, ZoneId timezone, String phoneRegion, WeeklyHours hours,
                           Set<LocalDate> blackoutDates, BookingRules rules, List<ServiceType> services,
                           Owner owner, List<String> emergencyKeywords, List<FaqEntry> faq, String serviceArea,
                           String id, BusinessKind kind, Set<IntakeField> intake, Greeting greeting) {
        this(name, timezone, phoneRegion, hours, blackoutDates, rules, services, owner, emergencyKeywords, faq,
                serviceArea, id, kind, intake, greeting, List.of());
    }

    /** A tradesman's profile as before intake, kind and greeting existed: name, phone, address and problem. */
    public BusinessProfile(String name, ZoneId timezone, String phoneRegion, WeeklyHours hours,
                           Set<LocalDate> blackoutDates, BookingRules rules, List<ServiceType> services,
                           Owner owner, List<String> emergencyKeywords, List<FaqEntry> faq, String serviceArea) {
        this(name, timezone, phoneRegion, hours, blackoutDates, rules, services, owner, emergencyKeywords, faq,
                serviceArea, null, BusinessKind.TRADES, null, Greeting.STANDARD, List.of());
    }

    /** Whether a booking for this business must collect {@code field} ({@code requires(ADDRESS)} is false for a clinic). */
    public boolean requires(IntakeField field) {
        return intake.contains(field);
    }

    /** The same business with other booking rules (tests and tools that vary one thing). */
    public BusinessProfile withRules(BookingRules newRules) {
        return new BusinessProfile(name, timezone, phoneRegion, hours, blackoutDates, newRules, services, owner,
                emergencyKeywords, faq, serviceArea, id, kind, intake, greeting, safety);
    }

    /** The same business with another greeting (tests and tools that vary one thing). */
    public BusinessProfile withGreeting(Greeting newGreeting) {
        return new BusinessProfile(name, timezone, phoneRegion, hours, blackoutDates, rules, services, owner,
                emergencyKeywords, faq, serviceArea, id, kind, intake, newGreeting);
    }

    /** {@code "Bristol Plumbing & Heating"} → {@code "bristol-plumbing-heating"}: the id of a profile that sets none. */
    public static String slugOf(String name) {
        String lower = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = NOT_SLUG.matcher(lower).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        return slug.length() <= 64 ? slug : slug.substring(0, 64).replaceAll("-+$", "");
    }

    public Optional<ServiceType> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The service offered for emergencies, if the business has one. */
    public Optional<ServiceType> emergencyService() {
        return services.stream().filter(ServiceType::emergency).findFirst();
    }

    /** Whether the business is open at {@code at} (read in its own time zone), by the weekly hours and blackouts. */
    public boolean isOpenAt(java.time.ZonedDateTime at) {
        java.time.ZonedDateTime local = at.withZoneSameInstant(timezone);
        if (isBlackout(local.toLocalDate())) {
            return false;
        }
        java.time.LocalTime t = local.toLocalTime();
        return hours.on(local.getDayOfWeek()).stream().anyMatch(h -> !t.isBefore(h.open()) && t.isBefore(h.close()));
    }

    public boolean isBlackout(LocalDate date) {
        return blackoutDates.contains(date);
    }
}

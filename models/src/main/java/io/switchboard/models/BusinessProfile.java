package io.switchboard.models;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 */
public record BusinessProfile(String name, ZoneId timezone, String phoneRegion, WeeklyHours hours,
                              Set<LocalDate> blackoutDates, BookingRules rules, List<ServiceType> services,
                              Owner owner, List<String> emergencyKeywords, List<FaqEntry> faq, String serviceArea) {

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
    }

    public Optional<ServiceType> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The service offered for emergencies, if the business has one. */
    public Optional<ServiceType> emergencyService() {
        return services.stream().filter(ServiceType::emergency).findFirst();
    }

    public boolean isBlackout(LocalDate date) {
        return blackoutDates.contains(date);
    }
}

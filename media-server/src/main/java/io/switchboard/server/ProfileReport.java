package io.switchboard.server;

import io.switchboard.models.BookingRules;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Greeting;
import io.switchboard.models.IntakeField;
import io.switchboard.models.OpeningHours;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.profile.BusinessBinding;
import io.switchboard.scheduling.profile.BusinessMismatchException;
import io.switchboard.scheduling.profile.ProfileWarning;

import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the {@code profile} command prints: the loaded profile in short, and today's open ranges per service, so an
 * owner can check a profile edit before restarting the server. The owner's PIN is never printed.
 */
final class ProfileReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);

    private ProfileReport() {
    }

    static void print(Scheduling scheduling, PrintStream out) {
        BusinessProfile p = scheduling.profile();
        out.println(p.name() + " (" + p.timezone().getId() + ", phone region " + p.phoneRegion() + ")");
        out.println("Id: " + p.id() + ", kind " + p.kind().key() + "; a booking collects "
                + Arrays.stream(IntakeField.values()).filter(p::requires).map(IntakeField::key)
                .collect(Collectors.joining(", ")));
        if (!p.serviceArea().isEmpty()) {
            out.println("Service area: " + p.serviceArea());
        }
        Greeting g = p.greeting();
        out.println("Greeting: " + (g.hasVoice() ? "on calls \"" + g.voice() + "\"" : "standard on calls")
                + (g.hasText() ? "; in texts \"" + g.text() + "\"" : "; standard in texts"));
        out.println("Calls are told: \"" + g.disclosure() + "\"");
        out.println("Owner: " + (p.owner().name().isEmpty() ? "(no name)" : p.owner().name()) + ", phone ending "
                + tail(p.owner().phone()) + ", PIN set");
        out.println("Hours:");
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> hours = p.hours().on(day);
            String text = hours.isEmpty() ? "closed"
                    : hours.stream().map(h -> h.open() + "-" + h.close()).collect(Collectors.joining(", "));
            out.printf("  %-10s %s%n", day.getDisplayName(TextStyle.FULL, Locale.UK), text);
        }
        out.println("Blackout dates: " + (p.blackoutDates().isEmpty() ? "none"
                : p.blackoutDates().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(", "))));
        BookingRules r = p.rules();
        out.println("Booking: buffer " + text(r.bufferBetweenJobs()) + ", minimum notice " + text(r.minimumNotice())
                + ", horizon " + text(r.bookingHorizon()) + ", at most " + r.maxBookingsPerDay()
                + " a day, starts every " + text(r.slotStep()));
        out.println("Services:");
        for (ServiceType s : p.services()) {
            out.printf("  %-24s %-36s %-6s %s%s%n", s.id(), s.name(), text(s.duration()), s.priceText(),
                    s.emergency() ? " [emergency]" : "");
        }
        out.println("Emergency keywords: " + (p.emergencyKeywords().isEmpty() ? "none"
                : String.join(", ", p.emergencyKeywords())));
        out.println("FAQ topics: " + (p.faq().isEmpty() ? "none"
                : p.faq().stream().map(FaqEntry::topic).collect(Collectors.joining(", "))));
        LocalDate today = OpenRanges.today(scheduling);
        out.println("Open today (" + DAY.format(today) + "):");
        for (ServiceType s : p.services()) {
            out.printf("  %-36s %s%n", s.name(), OpenRanges.describe(scheduling, s, today));
        }
    }

    /** Whose bookings the database holds, and whether a start with this profile would be refused. */
    static void printData(BusinessBinding binding, BusinessProfile p, PrintStream out) {
        long bookings = binding.bookings();
        String count = bookings + (bookings == 1 ? " booking" : " bookings");
        Optional<BusinessBinding.BoundBusiness> bound = binding.current();
        if (bound.isEmpty()) {
            out.println("Data: " + count + ", no business recorded yet; the next start records " + p.id());
        } else if (bound.get().id().equals(p.id())) {
            out.println("Data: " + count + " of " + p.id());
        } else if (bookings == 0) {
            out.println("Data: recorded for " + bound.get().id() + " but empty; the next start records " + p.id());
        } else {
            out.println("Data: " + count + " of " + bound.get().name() + " (id " + bound.get().id() + "), not of "
                    + p.id() + ": serve and chat will refuse this profile unless "
                    + BusinessMismatchException.REBIND_SETTING + "=true");
        }
    }

    static void printWarnings(List<ProfileWarning> warnings, PrintStream out) {
        for (ProfileWarning w : warnings) {
            out.println("Warning: " + w);
        }
    }

    /** {@code 1h30m}, {@code 60d}, {@code 0m}: the form profiles are written in. */
    static String text(Duration d) {
        if (d.isZero()) {
            return "0m";
        }
        StringBuilder b = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            b.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            b.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            b.append(d.toSecondsPart()).append('s');
        }
        return b.toString();
    }

    private static String tail(String phone) {
        return phone.length() <= 3 ? "***" : "***" + phone.substring(phone.length() - 3);
    }
}

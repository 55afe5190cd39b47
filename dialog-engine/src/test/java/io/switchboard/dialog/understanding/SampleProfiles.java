package io.switchboard.dialog.understanding;

import io.switchboard.models.BookingRules;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.OpeningHours;
import io.switchboard.models.Owner;
import io.switchboard.models.ServiceType;
import io.switchboard.models.WeeklyHours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sample business ("Bristol Plumbing") the understanding tests run against. */
final class SampleProfiles {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Saturday morning. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, LONDON);

    static final ServiceType GENERAL_REPAIR = new ServiceType("general-repair", "general repair",
            List.of("leak", "dripping tap", "repair", "fix"), Duration.ofMinutes(60), "from £60", false);
    static final ServiceType DRAIN_CLEANING = new ServiceType("drain-cleaning", "drain cleaning",
            List.of("blocked drain", "clogged sink", "clogged toilet"), Duration.ofMinutes(90), "from £95", false);
    static final ServiceType WATER_HEATER_REPAIR = new ServiceType("water-heater-repair", "water heater repair",
            List.of("boiler", "water heater", "no hot water"), Duration.ofMinutes(120), "from £120", false);
    static final ServiceType TANKLESS_INSTALLATION = new ServiceType("tankless-installation",
            "tankless installation", List.of("tankless", "combi install"), Duration.ofMinutes(240), "from £1,800",
            false);
    static final ServiceType EMERGENCY_CALLOUT = new ServiceType("emergency-callout", "emergency callout",
            List.of("emergency", "urgent"), Duration.ofMinutes(60), "£150 call-out", true);

    static final FaqEntry HOURS = new FaqEntry("hours", List.of("hours", "open", "opening", "close", "closing"),
            "We're open Monday to Friday 8 till 6 and Saturday 9 till 1.");
    static final FaqEntry PRICES = new FaqEntry("prices", List.of("price", "prices", "cost", "charge", "how much",
            "fee", "rates"), "Call-outs start from £60; drain cleaning from £95.");
    static final FaqEntry AREA = new FaqEntry("area", List.of("area", "cover", "postcode", "where are you"),
            "We cover Bristol and about 15 miles around it.");

    private SampleProfiles() {
    }

    static BusinessProfile bristolPlumbing() {
        Map<DayOfWeek, List<OpeningHours>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(d, List.of(new OpeningHours(LocalTime.of(8, 0), LocalTime.of(18, 0))));
        }
        days.put(DayOfWeek.SATURDAY, List.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0))));
        return new BusinessProfile("Bristol Plumbing", LONDON, "GB", new WeeklyHours(days), Set.of(),
                new BookingRules(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofDays(60), 6,
                        Duration.ofMinutes(30)),
                List.of(GENERAL_REPAIR, DRAIN_CLEANING, WATER_HEATER_REPAIR, TANKLESS_INSTALLATION, EMERGENCY_CALLOUT),
                new Owner("Dave", "+447700900999", "4321"),
                List.of("burst pipe", "flooding", "no water", "sewage", "gas smell"),
                List.of(HOURS, PRICES, AREA), "Bristol and 15 miles around");
    }
}

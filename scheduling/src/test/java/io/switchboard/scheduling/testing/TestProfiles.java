package io.switchboard.scheduling.testing;

import io.switchboard.models.BookingRules;
import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.profile.BusinessProfileLoader;

import java.util.function.UnaryOperator;

/** Profiles for tests: the shipped sample, and the sample with one thing changed. */
public final class TestProfiles {

    private TestProfiles() {
    }

    public static BusinessProfile sample() {
        return new BusinessProfileLoader().loadSample();
    }

    public static BusinessProfile sampleWithRules(UnaryOperator<BookingRules> change) {
        BusinessProfile p = sample();
        return new BusinessProfile(p.name(), p.timezone(), p.phoneRegion(), p.hours(), p.blackoutDates(),
                change.apply(p.rules()), p.services(), p.owner(), p.emergencyKeywords(), p.faq(), p.serviceArea());
    }
}

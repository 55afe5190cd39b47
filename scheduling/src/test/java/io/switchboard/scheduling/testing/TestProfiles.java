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

    /** The second shipped sample: a dental practice whose patients come in (no address is collected). */
    public static BusinessProfile dentist() {
        return new BusinessProfileLoader().loadResource(BusinessProfileLoader.DENTAL_SAMPLE_RESOURCE);
    }

    public static BusinessProfile sampleWithRules(UnaryOperator<BookingRules> change) {
        BusinessProfile p = sample();
        return p.withRules(change.apply(p.rules()));
    }
}

package io.switchboard.dialog.knowledge;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.scheduling.testing.TestProfiles;

import java.util.List;

/** The sample plumber with an FAQ whose keywords share no word with how callers ask, and the sample dentist. */
final class KnowledgeProfiles {

    private KnowledgeProfiles() {
    }

    static final FaqEntry CALL_OUT_FEE = new FaqEntry("call-out fee", List.of("call-out fee", "visit fee"),
            "Our call-out fee is £60, which includes the first half hour.");
    static final FaqEntry HOURS = new FaqEntry("hours", List.of("opening hours"),
            "We're open Monday to Friday eight till six, and Saturday nine till one.");
    static final FaqEntry AREA = new FaqEntry("area", List.of("service area"),
            "We cover Bristol and the surrounding area, within about fifteen miles of the city centre.");
    static final FaqEntry PAYMENT = new FaqEntry("payment", List.of("payment methods"),
            "We take card, bank transfer or cash on completion.");

    static BusinessProfile plumber() {
        BusinessProfile p = TestProfiles.sample();
        return new BusinessProfile(p.name(), p.timezone(), p.phoneRegion(), p.hours(), p.blackoutDates(), p.rules(),
                p.services(), p.owner(), p.emergencyKeywords(), List.of(HOURS, CALL_OUT_FEE, AREA, PAYMENT),
                p.serviceArea(), p.id(), p.kind(), p.intake(), p.greeting());
    }

    static BusinessProfile dentist() {
        return TestProfiles.dentist();
    }

    static KnowledgeBase knowledge(BusinessProfile p) {
        return new KnowledgeBase(p, OnBoxEmbeddings.shared());
    }
}

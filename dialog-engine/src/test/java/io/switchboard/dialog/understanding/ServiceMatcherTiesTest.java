package io.switchboard.dialog.understanding;

import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the rules tell the knowledge layer: a tie to ask between, and a match made only of everyday words. */
class ServiceMatcherTiesTest {

    private final ServiceMatcher rules = new ServiceMatcher(TestProfiles.sample().services());

    @Test
    void boilerRepairTiesARepairAndTheWaterHeater() {
        assertThat(rules.match("boiler repair")).isEmpty();
        assertThat(rules.tied("boiler repair")).extracting(ServiceType::id)
                .containsExactlyInAnyOrder("general-repair", "water-heater-repair");
    }

    @Test
    void aClearMatchIsNoTie() {
        assertThat(rules.tied("my kitchen sink is blocked")).isEmpty();
        assertThat(rules.tied("")).isEmpty();
    }

    @Test
    void fixAloneSaysAJobIsWantedNotWhich() {
        assertThat(rules.match("do you fix cars")).map(ServiceType::id).contains("general-repair");
        assertThat(rules.matchedOnlyByEverydayWords("do you fix cars")).isTrue();
        assertThat(rules.matchedOnlyByEverydayWords("the tap is dripping")).isFalse();
        assertThat(rules.matchedOnlyByEverydayWords("hello there")).as("no match at all").isFalse();
    }
}

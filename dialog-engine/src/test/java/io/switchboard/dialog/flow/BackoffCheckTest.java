package io.switchboard.dialog.flow;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one check the knowledge layer and the LLM both pass their readings through. */
class BackoffCheckTest {

    private final BackoffCheck check = new BackoffCheck(TestProfiles.sample());

    @Test
    void aYesOrANoCountsOnlyWhereOneWasAskedFor() {
        assertThat(check.intent(Intent.AFFIRM, Expectation.NAME)).isEqualTo(Intent.UNKNOWN);
        assertThat(check.intent(Intent.DENY, Expectation.NONE)).isEqualTo(Intent.UNKNOWN);
        assertThat(check.intent(Intent.AFFIRM, Expectation.YES_NO)).isEqualTo(Intent.AFFIRM);
        assertThat(check.intent(Intent.BOOK, Expectation.NAME)).isEqualTo(Intent.BOOK);
    }

    @Test
    void onlyThisBusinessesServicesAndOnlyTheOptionsAskedAbout() {
        assertThat(check.service("car-repair", List.of())).isEmpty();
        assertThat(check.service("drain-cleaning", List.of())).map(ServiceType::id).contains("drain-cleaning");
        assertThat(check.service("drain-cleaning", List.of("water-heater-repair", "tankless-installation"))).isEmpty();
        assertThat(check.service("tankless-installation", List.of("water-heater-repair", "tankless-installation")))
                .map(ServiceType::id).contains("tankless-installation");
        assertThat(check.service(null, List.of())).isEmpty();
    }
}

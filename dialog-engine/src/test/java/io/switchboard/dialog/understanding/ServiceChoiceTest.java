package io.switchboard.dialog.understanding;

import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceChoiceTest {

    private static final List<ServiceType> BOILER = TestProfiles.sample().services().stream()
            .filter(s -> s.id().equals("water-heater-repair") || s.id().equals("tankless-installation")).toList();
    private static final List<ServiceType> TOILET = TestProfiles.sample().services().stream()
            .filter(s -> s.id().equals("drain-cleaning") || s.id().equals("general-repair")).toList();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"a repair | water-heater-repair", "it's broken | water-heater-repair",
            "repair, it's just broken | water-heater-repair", "a new one fitted | tankless-installation",
            "New one, the old one's had it | tankless-installation", "replace it | tankless-installation"})
    void aRepairOrANewOne(String answer, String id) {
        assertThat(new ServiceChoice().choose(answer, BOILER)).map(ServiceType::id).contains(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"a repair please | general-repair", "it's blocked | drain-cleaning",
            "the drain cleaning | drain-cleaning",
            // the sample plumber's catalogue knows a running toilet is a repair, not a blocked one
            "the toilet keeps running after you flush | general-repair"})
    void aDrainOrARepair(String answer, String id) {
        assertThat(new ServiceChoice().choose(answer, TOILET)).map(ServiceType::id).contains(id);
    }

    @ParameterizedTest(name = "{0} -> neither")
    @CsvSource(delimiter = '|', value = {"not sure", "whatever you think is best", "yes"})
    void neitherIsNoChoice(String answer) {
        assertThat(new ServiceChoice().choose(answer, TOILET)).isEmpty();
    }
}

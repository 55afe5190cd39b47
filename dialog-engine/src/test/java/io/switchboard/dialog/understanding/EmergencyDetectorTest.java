package io.switchboard.dialog.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmergencyDetectorTest {

    private static final List<String> KEYWORDS = SampleProfiles.bristolPlumbing().emergencyKeywords();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final EmergencyDetector detector = new EmergencyDetector();

    private boolean emergency(String text) {
        return detector.isEmergency(normalizer.normalize(text).text(), KEYWORDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"burst pipe", "I've got burst pipes", "the pipe has burst", "a pipe burst in the loft",
            "we've burst a pipe", "the kitchen is flooding", "it's flooded", "the bathroom floods every time",
            "there's no water", "sewage everywhere", "raw sewage coming up", "i can smell gas", "a gas smell",
            "strong smell of gas", "it's an emergency", "this is urgent", "no, there's a burst pipe",
            "BURST PIPE!!!"})
    void spotsEmergencies(String text) {
        assertThat(emergency(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's not an emergency", "it's not urgent, a dripping tap", "no rush, the drain is slow",
            "there's no sewage", "it isn't flooding", "not a burst pipe just a drip", "no hot water",
            "my pipes are fine", "any emergencies this afternoon", "water", "", "the gas bill"})
    void ignoresNonEmergencies(String text) {
        assertThat(emergency(text)).isFalse();
    }

    @Test
    void usesTheBusinessKeywordsAndNamesTheOneFound() {
        assertThat(detector.matchedKeyword("the pipe has burst", KEYWORDS)).contains("burst pipe");
        assertThat(detector.isEmergency("carbon monoxide alarm going off", List.of("carbon monoxide"))).isTrue();
        assertThat(detector.isEmergency("carbon monoxide alarm going off", KEYWORDS)).isFalse();
        assertThat(detector.isEmergency("flooding", null)).isFalse();
    }
}

package io.switchboard.dialog.safety;

import io.switchboard.models.SafetyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules-first safety recogniser: signs by their words in any order, negations and fitting requests excluded. */
class SignMatcherTest {

    private static final SafetyRule GAS = new SafetyRule("gas", List.of("smell gas", "carbon monoxide"), "Leave now.");
    private static final SafetyRule WATER = new SafetyRule("water", List.of("water through ceiling"), "Stopcock.");
    private static final List<SafetyRule> RULES = List.of(GAS, WATER);

    private final SignMatcher matcher = new SignMatcher();

    @ParameterizedTest
    @ValueSource(strings = {"smell of gas", "I can smell gas", "it smells gassy", "there's a whiff of gas",
            "gas smell in the hall", "Carbon Monoxide alarm", "the carbon monoxide is high"})
    void gasWordingsMeetTheGasRule(String said) {
        assertThat(matcher.recognise(said, RULES)).contains(GAS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"water pouring through the ceiling", "the ceiling has water coming through",
            "WATER IS DRIPPING FROM THE ROOF"})
    void waterWordingsMeetTheWaterRule(String said) {
        assertThat(matcher.recognise(said, RULES)).contains(WATER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no smell of gas", "I can't smell gas", "gas bill query", "the smell is from the drain",
            "can you fit a carbon monoxide alarm", "no water through the ceiling now", ""})
    void otherWordsMeetNoRule(String said) {
        assertThat(matcher.recognise(said, RULES)).isEmpty();
    }

    /**
     * A sign written with a doubled consonant ("ceiling dripping") means what its synonyms mean: "water" misheard as
     * "what" still leaves "pouring through my ceiling", and "running" is "run".
     */
    @ParameterizedTest
    @ValueSource(strings = {"what is pouring through my ceiling", "it's dripped through the ceiling",
            "the ceiling is running with water", "ceiling dripping"})
    void signsWithADoubledConsonantMeetTheirSynonyms(String said) {
        SafetyRule dripping = new SafetyRule("ceiling", List.of("ceiling dripping"), "Stopcock.");
        assertThat(matcher.recognise(said, List.of(GAS, dripping))).contains(dripping);
    }

    @Test
    void aDoubledConsonantBeforeASuffixIsOneLetterButDoubleEndingsStay() {
        assertThat(SignMatcher.stem("dripping")).isEqualTo(SignMatcher.stem("drip"));
        assertThat(SignMatcher.stem("running")).isEqualTo("run");
        assertThat(SignMatcher.stem("smelling")).isEqualTo("smell");
        assertThat(SignMatcher.stem("hissing")).isEqualTo("hiss");
    }

    @Test
    void wordsTooFarApartAreNotOneSign() {
        assertThat(matcher.recognise("the smell in the garage is from paint, and separately the boiler runs on mains"
                + " gas", RULES)).isEmpty();
    }

    @Test
    void aSemanticLayerIsAskedOnlyWhenTheRulesFindNothing() {
        List<String> asked = new java.util.ArrayList<>();
        SafetyRecognizer semantic = (said, rules) -> {
            asked.add(said);
            return said.contains("fumes") ? Optional.of(GAS) : Optional.empty();
        };
        SafetyRecognizer chain = matcher.orElse(semantic);
        assertThat(chain.recognise("I can smell gas", RULES)).contains(GAS);
        assertThat(asked).isEmpty();
        assertThat(chain.recognise("weird fumes from the flue", RULES)).contains(GAS);
        assertThat(asked).containsExactly("weird fumes from the flue");
    }
}

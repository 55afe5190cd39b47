package io.switchboard.dialog.knowledge;

import io.switchboard.models.FaqEntry;
import io.switchboard.models.ServiceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phrasings the thresholds in {@link KnowledgeBase} were tuned on (the held-out check is
 * {@link KnowledgeHeldOutTest}). The model is the one inside the jar; nothing is fetched.
 */
class KnowledgeTuningTest {

    private static final KnowledgeBase PLUMBER = KnowledgeProfiles.knowledge(KnowledgeProfiles.plumber());
    private static final KnowledgeBase DENTIST = KnowledgeProfiles.knowledge(KnowledgeProfiles.dentist());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "how much do you charge to come out | call-out fee",
            "what's the damage for a callout | call-out fee",
            "when are you open | hours",
            "do you work weekends | hours",
            "can I pay by card | payment",
            "do you take cash | payment",
    })
    void faqByMeaning(String question, String topic) {
        assertThat(PLUMBER.faq(question)).map(FaqEntry::topic).contains(topic);
    }

    /**
     * Turns that are no FAQ question. ("are you free thursday morning?" scores as the hours entry here; the dialog
     * never asks the FAQ about a turn that names a time, see ScopeAndKnowledgeConversationTest.)
     */
    @ParameterizedTest(name = "{0} -> no entry")
    @CsvSource(delimiter = '|', value = {"hi", "thanks very much", "is there parking",
            "my kitchen sink is blocked and won't drain"})
    void notEveryTurnIsAnFaqQuestion(String turn) {
        assertThat(PLUMBER.faq(turn)).isEmpty();
    }

    @ParameterizedTest(name = "plumber: {0}")
    @CsvSource(delimiter = '|', value = {"do you fix cars?", "my car won't start", "I need new sockets fitted",
            "my lights keep tripping", "can you fix my roof", "I need a haircut", "toothache"})
    void plumberDeclines(String request) {
        assertThat(PLUMBER.service(request, PLUMBER.profile().services(), true))
                .isInstanceOf(KnowledgeBase.ServiceReading.Outside.class);
    }

    /** A request that names no work is nobody's trade: never declined (the caller is asked what needs doing). */
    @ParameterizedTest(name = "{0}: {1} -> not declined")
    @CsvSource(delimiter = '|', value = {"plumber | i need repair", "plumber | i need a repair",
            "plumber | I need someone to fix something", "dentist | i need a repair", "dentist | can you help me"})
    void aRequestNamingNoWorkIsNeverDeclined(String business, String request) {
        KnowledgeBase kb = business.equals("plumber") ? PLUMBER : DENTIST;
        assertThat(kb.service(request, kb.profile().services(), true))
                .isNotInstanceOf(KnowledgeBase.ServiceReading.Outside.class);
    }

    @ParameterizedTest(name = "dentist: {0}")
    @CsvSource(delimiter = '|', value = {"do you fix cars?", "my kitchen sink is blocked and won't drain",
            "boiler repair", "the tap is dripping", "can you fix my roof"})
    void dentistDeclines(String request) {
        assertThat(DENTIST.service(request, DENTIST.profile().services(), true))
                .isInstanceOf(KnowledgeBase.ServiceReading.Outside.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "plumber | my kitchen sink is blocked and won't drain | drain-cleaning",
            "plumber | no hot water since yesterday | water-heater-repair",
            "plumber | we want a new boiler fitted | tankless-installation",
            "plumber | the tap is dripping | general-repair",
            "dentist | I need a check-up | check-up",
            "dentist | my filling fell out | filling",
            "dentist | I need my teeth cleaned | hygienist",
    })
    void serviceFromAProblemDescription(String business, String description, String serviceId) {
        KnowledgeBase kb = business.equals("plumber") ? PLUMBER : DENTIST;
        KnowledgeBase.ServiceReading r = kb.service(description, kb.profile().services(), true);
        assertThat(r).isInstanceOf(KnowledgeBase.ServiceReading.One.class);
        assertThat(((KnowledgeBase.ServiceReading.One) r).service().id()).isEqualTo(serviceId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"boiler repair"})
    void aBoilerIsARepairOrANewOne(String description) {
        KnowledgeBase.ServiceReading r = PLUMBER.service(description, PLUMBER.profile().services(), true);
        assertThat(r).isInstanceOf(KnowledgeBase.ServiceReading.Either.class);
        assertThat(((KnowledgeBase.ServiceReading.Either) r).options()).extracting(ServiceType::id)
                .containsExactlyInAnyOrder("water-heater-repair", "tankless-installation");
    }

    @ParameterizedTest(name = "{0} between the two")
    @CsvSource(delimiter = '|', value = {"the water heater one | water-heater-repair",
            "tankless please | tankless-installation"})
    void theAnswerPicksOneOfTheTwoByMeaning(String answer, String serviceId) {
        List<ServiceType> two = PLUMBER.profile().services().stream()
                .filter(s -> s.id().equals("water-heater-repair") || s.id().equals("tankless-installation")).toList();
        assertThat(PLUMBER.choose(answer, two)).map(ServiceType::id).contains(serviceId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"can i talk to sam | HUMAN"})
    void intentBackOff(String turn, String intent) {
        assertThat(PLUMBER.intent(turn)).map(Enum::name).contains(intent);
    }

    @ParameterizedTest(name = "{0} -> no intent")
    @CsvSource(delimiter = '|', value = {"i need to move my booking", "hi", "there's water coming through the ceiling"})
    void intentBackOffNeverCancelsOrGuesses(String turn) {
        assertThat(PLUMBER.intent(turn)).isEmpty();
    }
}

package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.llm.LlmContext;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.llm.LlmInterpretation;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge layer in whole conversations, with the embedding model loaded from the jar (nothing is fetched):
 * an FAQ answered by meaning, work the business does not do declined without a booking, and one short question
 * between two services. The LLM is asked only when the rules and the knowledge layer both could not tell.
 */
class ScopeAndKnowledgeConversationTest {

    /** The sample plumber whose FAQ keywords share no word with "how much do you charge to come out". */
    private static BusinessProfile withCallOutFee() {
        BusinessProfile p = TestProfiles.sample();
        List<FaqEntry> faq = List.of(
                new FaqEntry("hours", List.of("opening hours"), "We're open Monday to Friday eight till six."),
                new FaqEntry("call-out fee", List.of("call-out fee", "visit fee"),
                        "Our call-out fee is £60, which includes the first half hour."),
                new FaqEntry("payment", List.of("payment methods"), "We take card, bank transfer or cash."));
        return new BusinessProfile(p.name(), p.timezone(), p.phoneRegion(), p.hours(), p.blackoutDates(), p.rules(),
                p.services(), p.owner(), p.emergencyKeywords(), faq, p.serviceArea(), p.id(), p.kind(), p.intake(),
                p.greeting());
    }

    @Test
    void anFaqIsAnsweredByMeaningWithNoSharedKeywordAndWithoutAskingTheLlm() {
        AtomicInteger llmCalls = new AtomicInteger();
        LlmFallback llm = new LlmFallback() {
            @Override
            public Optional<LlmInterpretation> interpret(String userText, LlmContext context) {
                llmCalls.incrementAndGet();
                return Optional.empty();
            }
        };
        try (CallerScript caller = new CallerScript(withCallOutFee(), llm, false)) {
            TurnResult r = caller.sms("how much do you charge to come out");

            assertThat(r.reply()).as(caller.transcript()).contains("Our call-out fee is £60");
            assertThat(llmCalls).as("the knowledge layer answered: the LLM is third").hasValue(0);
            assertThat(caller.booked()).isEmpty();
        }
    }

    @Test
    void aQuestionThatNamesATimeIsABookingNotAnFaq() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, false)) {
            TurnResult r = caller.sms("are you free thursday morning?");

            assertThat(r.reply()).as(caller.transcript()).doesNotContain("We're open")
                    .isEqualTo("What do you need help with?");
        }
    }

    @Test
    void workThePlumberDoesNotDoIsDeclinedSayingWhatItDoesAndNeverBooked() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, false)) {
            TurnResult r = caller.sms("do you fix cars?");
            assertThat(r.reply()).as(caller.transcript()).contains("not something we do").contains("drain cleaning");

            r = caller.sms("I need an electrician to put some new sockets in tomorrow at 10am");
            assertThat(r.reply()).as(caller.transcript()).contains("not something we do");
            // a caller who says yes to whatever comes next still books nothing
            for (int i = 0; i < 3; i++) {
                r = caller.sms("yes please");
            }
            assertThat(caller.booked()).as(caller.transcript()).isEmpty();
        }
    }

    @Test
    void plumbingIsDeclinedAtTheDentistWithWhatThePracticeDoes() {
        try (CallerScript caller = new CallerScript(TestProfiles.dentist(), DisabledLlmFallback.INSTANCE, false)) {
            TurnResult r = caller.sms("my kitchen sink is blocked, can someone come tomorrow?");

            assertThat(r.reply()).as(caller.transcript()).contains("not something we do").contains("check-up");
            assertThat(r.state()).isNotEqualTo(DialogState.COLLECTING);
            assertThat(caller.booked()).isEmpty();
        }
    }

    @Test
    void aBoilerRepairAsksOneShortQuestionAndBooksTheRepair() {
        try (CallerScript caller = new CallerScript(TestProfiles.sample(), DisabledLlmFallback.INSTANCE, false)) {
            TurnResult r = caller.sms("boiler repair please, tomorrow at 10am");
            assertThat(r.reply()).as(caller.transcript())
                    .isEqualTo("Is that a water heater repair, or a tankless water heater installation?");

            r = caller.sms("a repair please");
            for (int turn = 0; turn < 8 && r.state() != DialogState.BOOKED; turn++) {
                String asked = r.reply().toLowerCase(Locale.ROOT);
                assertThat(asked).as(caller.transcript()).doesNotContain("is that a");
                if (asked.contains("name")) {
                    r = caller.sms("Dave Jenkins");
                } else if (asked.contains("number")) {
                    r = caller.sms("yes");
                } else if (asked.contains("address")) {
                    r = caller.sms("14 Gloucester Road, Bristol BS7 8AE");
                } else if (asked.contains("problem") || asked.contains("briefly")) {
                    r = caller.sms("the boiler won't fire up");
                } else {
                    r = caller.sms("yes");
                }
            }
            assertThat(caller.booked()).as(caller.transcript()).singleElement()
                    .satisfies(a -> assertThat(a.serviceId()).isEqualTo("water-heater-repair"));
        }
    }
}

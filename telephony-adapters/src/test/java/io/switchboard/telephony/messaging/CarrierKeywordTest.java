package io.switchboard.telephony.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierKeywordTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "STOP.", "stop!", "STOPALL", "unsubscribe", "END", "quit",
            "OPTOUT", "revoke"})
    void optOutWords(String text) {
        assertThat(CarrierKeyword.of(text)).contains(CarrierKeyword.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", "Unstop"})
    void optInWords(String text) {
        assertThat(CarrierKeyword.of(text)).contains(CarrierKeyword.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help?", "Info"})
    void helpWords(String text) {
        assertThat(CarrierKeyword.of(text)).contains(CarrierKeyword.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "CANCEL", "yes", "stop texting me about the sink", "help, a burst pipe!",
            "please stop", "", "   ", "🛑", "S T O P"})
    void everythingElseIsConversation(String text) {
        assertThat(CarrierKeyword.of(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "YES", "Yes!"})
    void yesIsTheResubscribeWord(String text) {
        assertThat(CarrierKeyword.isResubscribeWord(text)).isTrue();
        assertThat(CarrierKeyword.isResubscribeWord("yes please")).isFalse();
    }
}

package io.switchboard.telephony.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppSubscriptionVerifierTest {

    private final WhatsAppSubscriptionVerifier verifier = new WhatsAppSubscriptionVerifier("bristol-plumbing-verify");

    @Test
    void echoesTheChallengeForTheRightToken() {
        assertThat(verifier.challengeFor("subscribe", "bristol-plumbing-verify", "1158201444"))
                .contains("1158201444");
    }

    @Test
    void refusesWrongTokenOrMode() {
        assertThat(verifier.challengeFor("subscribe", "guess", "1158201444")).isEmpty();
        assertThat(verifier.challengeFor("subscribe", null, "1158201444")).isEmpty();
        assertThat(verifier.challengeFor("unsubscribe", "bristol-plumbing-verify", "1158201444")).isEmpty();
        assertThat(verifier.challengeFor(null, "bristol-plumbing-verify", "1158201444")).isEmpty();
    }

    @Test
    void refusesChallengesThatAreNotSafeToEcho() {
        assertThat(verifier.challengeFor("subscribe", "bristol-plumbing-verify", null)).isEmpty();
        assertThat(verifier.challengeFor("subscribe", "bristol-plumbing-verify", "<script>")).isEmpty();
        assertThat(verifier.challengeFor("subscribe", "bristol-plumbing-verify", "a\r\nSet-Cookie: x")).isEmpty();
        assertThat(verifier.challengeFor("subscribe", "bristol-plumbing-verify", "9".repeat(600))).isEmpty();
    }
}

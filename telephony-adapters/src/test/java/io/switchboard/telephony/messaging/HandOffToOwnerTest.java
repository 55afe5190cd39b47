package io.switchboard.telephony.messaging;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.Channel;
import io.switchboard.telephony.voice.MissedCall;
import io.switchboard.telephony.voice.MissedCalls;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-offs and safety alerts end to end: a signed inbound SMS, the real receptionist, the real notifier (SMS
 * configured) and the real Twilio client sending to the loopback {@link ProviderStub}; the owner's call-back list in
 * the embedded database.
 */
class HandOffToOwnerTest {

    private static final String OWNER = "+447700900999";

    @Test
    void askingForAPersonTextsTheOwnerAtOnceAndListsAMessageToCallBack() {
        try (TextChannelsHarness sb = new TextChannelsHarness()) {
            sb.sms("hi, my kitchen sink is blocked, can you do tomorrow at 10am?");
            sb.sms("Jane Smith");
            TextChannelsHarness.Reply reply = sb.sms("actually can I just speak to Sam");

            assertThat(reply.message().orElseThrow()).as(String.join("\n", sb.transcript)).contains("I've let Sam know");
            List<ProviderStub.Sent> toOwner = awaitTo(sb.provider, OWNER, 1);
            String text = toOwner.getFirst().text();
            assertThat(text).startsWith("CALL BACK - caller asked for you - Bristol Plumbing")
                    .contains("Caller: " + TextChannelsHarness.CALLER + " (Jane Smith)")
                    .contains("Wants: book; drain cleaning; tomorrow")
                    .contains("Caller: \"actually can I just speak to Sam\"")
                    .contains("Last lines:");
            List<MissedCall> listed = new MissedCalls(sb.fx.database().dsl(), sb.fx.clock())
                    .since(sb.fx.clock().instant().minus(Duration.ofHours(1)));
            assertThat(listed).singleElement().satisfies(m -> {
                assertThat(m.reason()).isEqualTo(MissedCall.MESSAGE);
                assertThat(m.callerPhone()).isEqualTo(TextChannelsHarness.CALLER);
                assertThat(m.message()).contains("Jane Smith", "drain cleaning");
            });
        }
    }

    @Test
    void theCallersWordsReachTheOwnerQuotedWithoutNumbersOrLinks() {
        try (TextChannelsHarness sb = new TextChannelsHarness()) {
            sb.sms("let me talk to Sam re www.pay-me-now.example or 0909 879 0790");
            String text = awaitTo(sb.provider, OWNER, 1).getFirst().text();
            assertThat(text).contains("[link removed]", "[number removed]").doesNotContain("0909", "pay-me-now");
        }
    }

    @Test
    void aGasSmellGetsTheAdviceFirstAndTheOwnerAnEmergencyText() {
        try (TextChannelsHarness sb = new TextChannelsHarness()) {
            TextChannelsHarness.Reply reply = sb.sms("there's a strong smell of gas in the kitchen near the boiler");
            assertThat(reply.message().orElseThrow()).startsWith("For your safety: please leave the property now")
                    .contains("0800 111 999");
            String text = awaitTo(sb.provider, OWNER, 1).getFirst().text();
            assertThat(text).startsWith("EMERGENCY - Bristol Plumbing").contains("smell of gas");
        }
    }

    @Test
    void withoutSmsTheMessageIsListedAndNoReplyPromisesATextOrAnAlert() {
        try (TextChannelsHarness sb = TextChannelsHarness.with(MessagingConfig.none())) {
            Receptionist engine = Receptionist.create(sb.fx.scheduling(), new InMemorySessionStore(sb.fx.clock()),
                    DisabledLlmFallback.INSTANCE, sb.channels.notifier());
            assertThat(sb.channels.notifier().textsCallers()).isFalse();
            List<String> said = List.of("can someone just call me back", "water is pouring through the ceiling",
                    "I need a drain cleaning tomorrow at 10am");
            int session = 0;
            for (String text : said) {
                TurnResult r = engine.handle(TurnRequest.text(Channel.VOICE, "CA-no-sms-" + session++,
                        TextChannelsHarness.CALLER, text));
                assertThat(r.reply()).as(text).doesNotContainIgnoringCase("text you")
                        .doesNotContain("alerted", "let Sam know");
            }
            TurnResult web = engine.handle(TurnRequest.text(Channel.WEB, "web-1", TextChannelsHarness.CALLER,
                    "can I speak to a person"));
            assertThat(web.reply()).contains("left a message for Sam").doesNotContainIgnoringCase("text");
            assertThat(web.actions()).contains(new DialogAction.NotifyOwner("asked_for_person", "recorded"));
            assertThat(sb.provider.sent()).isEmpty();
            assertThat(new MissedCalls(sb.fx.database().dsl(), sb.fx.clock())
                    .since(sb.fx.clock().instant().minus(Duration.ofHours(1))))
                    .filteredOn(m -> m.reason().equals(MissedCall.MESSAGE)).hasSize(1);
        }
    }

    private static List<ProviderStub.Sent> awaitTo(ProviderStub provider, String to, int count) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (provider.sentTo("twilio", to).size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + count + " texts to " + to + ", got " + provider.sent());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        return provider.sentTo("twilio", to);
    }
}

package io.switchboard.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A caller turned away by the call cap lands on the owner's missed-call list and, with SMS on, gets a text. */
class BusyCallFollowUpTest {

    private final Database db = TestDatabase.freshSchema();
    private final MutableClock clock = MutableClock.at(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
            ZoneId.of("Europe/London")));
    private final MissedCalls missed = new MissedCalls(db.dsl(), clock);
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private volatile SendOutcome provider = SendOutcome.SENT;
    private final OutboundMessenger sms = (channel, to, text) -> {
        texts.add(channel + " " + to + " " + text);
        return CompletableFuture.completedFuture(provider == SendOutcome.SENT ? SendResult.sent("SM1", 1)
                : SendResult.notSent(provider, 1, "refused"));
    };
    private BusyCallFollowUp followUp;

    @AfterEach
    void close() {
        if (followUp != null) {
            followUp.close();
        }
        db.close();
    }

    private BusyCallFollowUp followUp(Optional<OutboundMessenger> messenger) {
        followUp = new BusyCallFollowUp(missed, messenger, new PhoneNumberNormalizer("GB"), "Bristol Plumbing");
        return followUp;
    }

    private void await(CompletableFuture<Void> done) throws Exception {
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theCallIsListedForTheOwnerAndTheCallerIsTextedThatWeWillCallBack() throws Exception {
        await(followUp(Optional.of(sms)).turnedAway("CA-busy-1", "07700 900123"));

        assertThat(texts).containsExactly("SMS +447700900123 " + BusyCallFollowUp.text("Bristol Plumbing"));
        assertThat(texts.get(0)).contains("call you back");
        assertThat(missed.since(clock.instant().minus(Duration.ofDays(1)))).singleElement().satisfies(call -> {
            assertThat(call.callSid()).isEqualTo("CA-busy-1");
            assertThat(call.callerPhone()).isEqualTo("+447700900123");
            assertThat(call.reason()).isEqualTo(MissedCall.BUSY);
            assertThat(call.textedBack()).isTrue();
            assertThat(call.missedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aRepeatedStreamOfTheSameCallIsListedAndTextedOnce() throws Exception {
        BusyCallFollowUp f = followUp(Optional.of(sms));
        await(f.turnedAway("CA-busy-2", "+447700900123"));
        await(f.turnedAway("CA-busy-2", "+447700900123"));

        assertThat(texts).hasSize(1);
        assertThat(missed.since(clock.instant().minus(Duration.ofDays(1)))).hasSize(1);
    }

    @Test
    void withoutSmsOrWithAWithheldNumberTheCallIsStillListed() throws Exception {
        await(followUp(Optional.empty()).turnedAway("CA-busy-3", "+447700900123"));
        followUp.close();
        await(followUp(Optional.of(sms)).turnedAway("CA-busy-4", null));

        assertThat(texts).isEmpty();
        assertThat(missed.since(clock.instant().minus(Duration.ofDays(1))))
                .extracting(MissedCall::callSid, MissedCall::callerPhone, MissedCall::textedBack)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CA-busy-3", "+447700900123", false),
                        org.assertj.core.groups.Tuple.tuple("CA-busy-4", null, false));
    }

    @Test
    void aTextTheProviderRefusedLeavesTheCallMarkedNotTexted() throws Exception {
        provider = SendOutcome.FAILED;
        await(followUp(Optional.of(sms)).turnedAway("CA-busy-5", "+447700900123"));

        assertThat(missed.since(clock.instant().minus(Duration.ofDays(1)))).singleElement()
                .satisfies(call -> assertThat(call.textedBack()).isFalse());
    }

    @Test
    void theListIsNewestFirstAndBoundedBySince() {
        missed.record("CA-old", "+447700900111", MissedCall.BUSY);
        clock.advance(Duration.ofDays(3));
        missed.record("CA-new", "+447700900222", MissedCall.BUSY);
        clock.advance(Duration.ofMinutes(5));
        missed.record("CA-newest", null, MissedCall.BUSY);

        assertThat(missed.since(clock.instant().minus(Duration.ofDays(1)))).extracting(MissedCall::callSid)
                .containsExactly("CA-newest", "CA-new");
        assertThat(missed.since(clock.instant().minus(Duration.ofDays(7)))).hasSize(3);
    }
}

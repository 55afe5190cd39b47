package io.switchboard.telephony.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.models.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the owner reads: full call-back numbers, the caller's words quoted and defused, nothing dropped. */
class OwnerAlertTextTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private final OwnerAlertText text = new OwnerAlertText("Bristol Plumbing", LONDON, 1600);

    @Test
    void oneAlertInDetailWithTheCallersWordsQuotedAndDefused() {
        PendingAlert a = new PendingAlert(1, Channel.SMS, "+447700900123", "Rita Moss", "Flat 2, Broad Street",
                "burst pipe!! ring 0909 879 0790 or see pay-now.example.com", NINE, 0);
        OwnerAlertText.Composed c = text.compose(List.of(a), NINE);
        assertThat(c.included()).containsExactly(1L);
        assertThat(c.text()).isEqualTo("""
                EMERGENCY - Bristol Plumbing
                Caller: +447700900123 (Rita Moss)
                Address: Flat 2, Broad Street
                Problem: "burst pipe!! ring [number removed] or see [link removed]"
                Via sms at 09:00 Mon 23 Nov""");
    }

    @Test
    void aWebChatsNumberIsMarkedUnverifiedAndAPremiumRateNumberIsNeverShown() {
        PendingAlert web = new PendingAlert(1, Channel.WEB, "+447700900555", "", "", "flood", NINE, 0);
        PendingAlert premium = new PendingAlert(2, Channel.WEB, "+449098790790", "", "", "flood", NINE, 0);
        assertThat(text.compose(List.of(web), NINE).text())
                .contains("Caller: +447700900555 (web chat, number not verified)");
        assertThat(text.compose(List.of(premium), NINE).text())
                .contains("Caller: premium-rate number, not shown").doesNotContain("9098790790");
        PendingAlert withheld = new PendingAlert(3, Channel.VOICE, null, "", "", "", NINE, 0);
        assertThat(text.compose(List.of(withheld), NINE).text()).contains("Caller: number withheld")
                .contains("Problem: not described yet");
    }

    @Test
    void anAggregateListsProvenNumbersFirstAndOneLinePerCaller() {
        List<PendingAlert> due = List.of(
                new PendingAlert(1, Channel.WEB, "+447700900201", "", "", "BURST PIPE call 09098790790", NINE, 0),
                new PendingAlert(2, Channel.WEB, "+447700900201", "", "", "BURST PIPE again", NINE.plusSeconds(5), 0),
                new PendingAlert(3, Channel.SMS, "+447700900123", "Rita", "", "water through the ceiling",
                        NINE.plusSeconds(300), 0));
        OwnerAlertText.Composed c = text.compose(due, NINE.plusSeconds(540));
        assertThat(c.included()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(c.text()).isEqualTo("""
                EMERGENCY - Bristol Plumbing: 3 emergencies in the last 9 min (call back in this order):
                1. +447700900123 (Rita), sms 09:05 "water through the ceiling"
                2. +447700900201 (unverified) x2, web 09:00 "BURST PIPE call [number removed]\"""");
    }

    @Test
    void whatDoesNotFitWaitsForTheNextTextAndTheTextSaysSo() {
        List<PendingAlert> due = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            due.add(new PendingAlert(i, Channel.WEB, "+4477009002%02d".formatted(i), "Someone Long-Named",
                    "", "water everywhere ".repeat(10), NINE.plusSeconds(i), 0));
        }
        OwnerAlertText.Composed c = text.compose(due, NINE.plusSeconds(60));
        assertThat(c.text().length()).isLessThanOrEqualTo(1600);
        int left = due.size() - c.included().size();
        assertThat(left).isPositive();
        assertThat(c.text()).startsWith("EMERGENCY - Bristol Plumbing: 40 emergencies")
                .endsWith("(+" + left + " more in the next text)");
        assertThat(c.included()).as("oldest first").startsWith(0L, 1L, 2L);
    }
}

package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.testing.TextedCodes;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time-code flow inside conversations: new codes, expiry, tries, caps, and the spoken channel. */
class CodeFlowConversationTest {

    private static final String CUSTOMER = "+447700900123";
    private static final String STRANGER = "+447700900555";

    private final CodeFlowFixture fixture = new CodeFlowFixture();
    private final SchedulingFixture fx = fixture.fx;
    private TextedCodes phones = fixture.textedCodes();
    private Receptionist engine = fixture.receptionist(phones);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNewCodeCanBeAskedForAndOnlyTheLatestWorks() {
        UUID booking = fixture.book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        String first = phones.lastCodeTo(CUSTOMER);

        TurnResult resent = web("v1", "I didn't get it, can you send a new code?");
        assertThat(resent.reply()).as(fixture.transcript()).contains("texted a 6-digit code");
        assertThat(phones.textsTo(CUSTOMER)).isEqualTo(2);
        String second = phones.lastCodeTo(CUSTOMER);
        if (!first.equals(second)) {
            assertThat(web("v1", first).reply()).as(fixture.transcript()).contains("not the code");
        }
        TurnResult proven = web("v1", second);
        assertThat(proven.reply()).as(fixture.transcript()).contains("checked").contains("10:00");
        web("v1", "yes");
        assertThat(fixture.status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void anExpiredCodeIsRefusedAndANewOneWorks() {
        fixture.book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        String code = phones.lastCodeTo(CUSTOMER);
        fx.clock().advance(Duration.ofMinutes(11));

        TurnResult late = web("v1", code);
        assertThat(late.reply()).as(fixture.transcript()).contains("expired").doesNotContain("10:00");
        web("v1", "new code please");
        TurnResult proven = web("v1", phones.lastCodeTo(CUSTOMER));
        assertThat(proven.reply()).as(fixture.transcript()).contains("10:00");
    }

    @Test
    void fiveWrongCodesSpendItAndTheRightOneIsThenRefused() {
        UUID booking = fixture.book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        String code = phones.lastCodeTo(CUSTOMER);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            web("v1", wrong);
        }

        TurnResult right = web("v1", code);
        web("v1", "yes");

        assertThat(right.reply()).as(fixture.transcript()).contains("can't be used any more").doesNotContain("10:00");
        assertThat(fixture.status(booking)).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(web("v1", "yes").has(DialogAction.Cancelled.class)).isFalse();
    }

    @Test
    void oneConversationAsksForAtMostThreeCodes() {
        fixture.book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        web("v1", "send it again");
        web("v1", "send it again");

        TurnResult fourth = web("v1", "send it again");

        assertThat(fourth.reply()).as(fixture.transcript()).contains("as many codes as I can");
        assertThat(phones.textsTo(CUSTOMER)).isEqualTo(3);
    }

    @Test
    void whenTheDailyCapIsReachedNoCodeIsPromisedAndTheVisitorIsToldHowToChangeIt() {
        phones = fixture.textedCodes(CodePolicy.forRegion("GB").withDailyCap(1));
        engine = fixture.receptionist(phones);
        UUID booking = fixture.book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900456");

        web("v2", "cancel my booking");
        TurnResult refused = web("v2", "07700 900123");

        assertThat(refused.reply()).as(fixture.transcript()).contains("can't send any more codes today")
                .contains("from the phone it was booked with").doesNotContain("texted");
        assertThat(phones.textsTo(CUSTOMER)).isZero();
        assertThat(fixture.status(booking)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aCallerWhoNamesTheirWifesNumberHearsTheCodeAskedForAndKeysItIn() {
        UUID booking = fixture.book(CUSTOMER);
        String call = "CA0123";

        TurnResult asked = fixture.turn(engine, TurnRequest.text(Channel.VOICE, call, STRANGER,
                "I want to cancel, it was booked under my wife's number 07700 900123"));
        assertThat(asked.reply()).contains("calling from").contains("ending 1 2 3").contains("say or key it in")
                .doesNotContain("10:00");
        TurnResult keyed = fixture.turn(engine, TurnRequest.digits(Channel.VOICE, call, STRANGER,
                phones.lastCodeTo(CUSTOMER)));
        assertThat(keyed.state()).as(fixture.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult yes = engine.handle(TurnRequest.text(Channel.VOICE, call, STRANGER, "yes"));

        assertThat(yes.state()).as(fixture.transcript()).isEqualTo(DialogState.CANCELLED);
        assertThat(fixture.status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phones.phonesTexted()).containsOnly(CUSTOMER);
    }

    @Test
    void aProvenCallerMayStillChangeTheirOwnBookingWithoutACode() {
        UUID booking = fixture.book(STRANGER);

        engine.handle(TurnRequest.text(Channel.SMS, STRANGER, STRANGER, "cancel my booking"));
        TurnResult yes = engine.handle(TurnRequest.text(Channel.SMS, STRANGER, STRANGER, "yes"));

        assertThat(yes.state()).isEqualTo(DialogState.CANCELLED);
        assertThat(fixture.status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phones.phonesTexted()).isEmpty();
    }

    private TurnResult web(String session, String text) {
        return fixture.turn(engine, TurnRequest.typed(Channel.WEB, "chat-web:" + session, Identity.none(), text)
                .fromClient("198.51.100." + session.length()));
    }

}

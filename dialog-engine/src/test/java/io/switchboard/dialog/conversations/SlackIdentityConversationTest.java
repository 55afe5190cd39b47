package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.testing.TextedCodes;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Slack user proves no phone number, so the dialog treats them as it treats a public web visitor: a number they
 * type is checked by code before a booking under it, and a booking of theirs opens only by code. A Slack account
 * mapped to the owner still gives the PIN. Hand-offs in Slack need no call-back number: the channel reaches the
 * user by itself.
 */
class SlackIdentityConversationTest {

    private final CodeFlowFixture fixture = new CodeFlowFixture();
    private final SchedulingFixture fx = fixture.fx;
    private final TextedCodes phones = fixture.textedCodes();
    private final Receptionist engine = fixture.receptionist(phones);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aSlackUsersCallbackNumberIsCheckedByCodeBeforeTheBookingIsConfirmedAsOnTheWeb() {
        slack("T1:U1", "Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10am?");
        slack("T1:U1", "Jane Doe");
        TurnResult number = slack("T1:U1", "my number is 07700 900777");
        TurnResult held = number.state() == DialogState.VERIFYING_PHONE ? number
                : slack("T1:U1", "12 Park Street, Bristol BS1 5HX");

        assertThat(held.state()).as(fixture.transcript()).isEqualTo(DialogState.VERIFYING_PHONE);
        assertThat(held.reply()).contains("check that number is yours");
        assertThat(slack("T1:U1", "yes").state()).as("a yes is not a code").isNotEqualTo(DialogState.BOOKED);

        TurnResult checked = slack("T1:U1", phones.lastCodeTo("+447700900777"));
        TurnResult confirm = checked.state() == DialogState.AWAITING_CONFIRMATION ? checked
                : slack("T1:U1", "12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.state()).as(fixture.transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult booked = slack("T1:U1", "yes please");

        assertThat(booked.state()).as(fixture.transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(booked.appointment().customer().phone()).isEqualTo("+447700900777");
    }

    @Test
    void aSlackUserCancelsSomeoneElsesBookingOnlyWithTheCodeTextedToIt() {
        UUID rita = fixture.book("+447700900123");
        slack("T1:U2", "cancel my appointment");
        TurnResult asked = slack("T1:U2", "07700 900123");
        assertThat(asked.state()).as(fixture.transcript()).isEqualTo(DialogState.VERIFYING_PHONE);
        slack("T1:U2", "yes");
        slack("T1:U2", "000000".equals(phones.lastCodeTo("+447700900123")) ? "111111" : "000000");
        assertThat(fixture.status(rita)).as(fixture.transcript()).isEqualTo(AppointmentStatus.BOOKED);

        TurnResult proven = slack("T1:U2", phones.lastCodeTo("+447700900123"));
        assertThat(proven.reply()).as(fixture.transcript()).contains("10:00");
        slack("T1:U2", "yes");
        assertThat(fixture.status(rita)).as(fixture.transcript()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void anAccountMappedToTheOwnerIsAskedForThePinAndAnUnmappedOneNeverGetsTheBriefing() {
        fixture.book("+447700900123");
        Identity owner = Identity.signedBy(fx.scheduling().profile().owner().phone(), Identity.Proof.OWNER_ACCOUNT);

        TurnResult stranger = slack("T1:U3", "what's on tomorrow?");
        assertThat(stranger.reply()).as(fixture.transcript()).contains("only the owner").doesNotContain("Jane");
        assertThat(slack("T1:U3", fx.scheduling().profile().owner().pin()).reply()).doesNotContain("Jane");

        TurnResult asked = turn("owner:T1:U4", owner, "what's on tomorrow?");
        assertThat(asked.state()).as(fixture.transcript()).isEqualTo(DialogState.VERIFYING_OWNER);
        assertThat(asked.reply()).contains("PIN").doesNotContain("Jane");
        assertThat(turn("owner:T1:U4", owner, "000000").reply()).doesNotContain("Jane");
        TurnResult briefed = turn("owner:T1:U4", owner, fx.scheduling().profile().owner().pin());
        assertThat(briefed.state()).as(fixture.transcript()).isEqualTo(DialogState.OWNER_BRIEFING);
        assertThat(briefed.reply()).contains("Jane Doe");
    }

    @Test
    void aHandOffInSlackNeedsNoCallbackNumberWhileTheWebAsksForOne() {
        TurnResult slack = slack("T1:U5", "can I speak to a real person please?");
        TurnResult web = turn("chat-web:v5", Identity.none(), Channel.WEB, "can I speak to a real person please?");

        assertThat(slack.state()).as(fixture.transcript()).isEqualTo(DialogState.HANDED_OFF);
        assertThat(web.state()).as(fixture.transcript()).isNotEqualTo(DialogState.HANDED_OFF);
        assertThat(web.expecting().slot().name()).isEqualTo("PHONE");
    }

    private TurnResult slack(String session, String text) {
        return turn(session, Identity.none(), text);
    }

    private TurnResult turn(String session, Identity who, String text) {
        return turn(session, who, Channel.SLACK, text);
    }

    private TurnResult turn(String session, Identity who, Channel channel, String text) {
        return fixture.turn(engine, TurnRequest.typed(channel, session, who, text));
    }

}

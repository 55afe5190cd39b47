package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.testing.TextedCodes;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Slack user proves no phone number, so the dialog treats them as it treats a public web visitor: a number they
 * type is checked by code before a booking under it, and a booking of theirs opens only by code. A Slack account
 * mapped to the owner still gives the PIN. Hand-offs in Slack need no call-back number: the channel reaches the
 * user by itself.
 */
class SlackIdentityConversationTest {

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), CallerScript.MONDAY_9AM);
    private final List<String> transcript = new ArrayList<>();
    private final TextedCodes phones = new TextedCodes(new OneTimeCodes(fx.database().dsl(), fx.clock(),
            CodePolicy.forRegion("GB")));
    private final Receptionist engine = Receptionist.create(fx.scheduling(), new InMemorySessionStore(fx.clock()),
            DisabledLlmFallback.INSTANCE, new LoggingNotifier(), Receptionist.DEFAULT_SESSION_TIMEOUT,
            Metrics.disabled(), phones);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aSlackUsersCallbackNumberIsCheckedByCodeBeforeTheBookingIsConfirmedAsOnTheWeb() {
        slack("T1:U1", "Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10am?");
        slack("T1:U1", "Jane Doe");
        TurnResult number = slack("T1:U1", "my number is 07700 900777");
        TurnResult held = number.state() == DialogState.VERIFYING_PHONE ? number
                : slack("T1:U1", "12 Park Street, Bristol BS1 5HX");

        assertThat(held.state()).as(transcript()).isEqualTo(DialogState.VERIFYING_PHONE);
        assertThat(held.reply()).contains("check that number is yours");
        assertThat(slack("T1:U1", "yes").state()).as("a yes is not a code").isNotEqualTo(DialogState.BOOKED);

        TurnResult checked = slack("T1:U1", phones.lastCodeTo("+447700900777"));
        TurnResult confirm = checked.state() == DialogState.AWAITING_CONFIRMATION ? checked
                : slack("T1:U1", "12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.state()).as(transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult booked = slack("T1:U1", "yes please");

        assertThat(booked.state()).as(transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(booked.appointment().customer().phone()).isEqualTo("+447700900777");
    }

    @Test
    void aSlackUserCancelsSomeoneElsesBookingOnlyWithTheCodeTextedToIt() {
        UUID rita = book("+447700900123");
        slack("T1:U2", "cancel my appointment");
        TurnResult asked = slack("T1:U2", "07700 900123");
        assertThat(asked.state()).as(transcript()).isEqualTo(DialogState.VERIFYING_PHONE);
        slack("T1:U2", "yes");
        slack("T1:U2", "000000".equals(phones.lastCodeTo("+447700900123")) ? "111111" : "000000");
        assertThat(status(rita)).as(transcript()).isEqualTo(AppointmentStatus.BOOKED);

        TurnResult proven = slack("T1:U2", phones.lastCodeTo("+447700900123"));
        assertThat(proven.reply()).as(transcript()).contains("10:00");
        slack("T1:U2", "yes");
        assertThat(status(rita)).as(transcript()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void anAccountMappedToTheOwnerIsAskedForThePinAndAnUnmappedOneNeverGetsTheBriefing() {
        book("+447700900123");
        Identity owner = Identity.signedBy(fx.scheduling().profile().owner().phone(), Identity.Proof.OWNER_ACCOUNT);

        TurnResult stranger = slack("T1:U3", "what's on tomorrow?");
        assertThat(stranger.reply()).as(transcript()).contains("only the owner").doesNotContain("Jane");
        assertThat(slack("T1:U3", fx.scheduling().profile().owner().pin()).reply()).doesNotContain("Jane");

        TurnResult asked = turn("owner:T1:U4", owner, "what's on tomorrow?");
        assertThat(asked.state()).as(transcript()).isEqualTo(DialogState.VERIFYING_OWNER);
        assertThat(asked.reply()).contains("PIN").doesNotContain("Jane");
        assertThat(turn("owner:T1:U4", owner, "000000").reply()).doesNotContain("Jane");
        TurnResult briefed = turn("owner:T1:U4", owner, fx.scheduling().profile().owner().pin());
        assertThat(briefed.state()).as(transcript()).isEqualTo(DialogState.OWNER_BRIEFING);
        assertThat(briefed.reply()).contains("Jane Doe");
    }

    @Test
    void aHandOffInSlackNeedsNoCallbackNumberWhileTheWebAsksForOne() {
        TurnResult slack = slack("T1:U5", "can I speak to a real person please?");
        TurnResult web = turn("chat-web:v5", Identity.none(), Channel.WEB, "can I speak to a real person please?");

        assertThat(slack.state()).as(transcript()).isEqualTo(DialogState.HANDED_OFF);
        assertThat(web.state()).as(transcript()).isNotEqualTo(DialogState.HANDED_OFF);
        assertThat(web.expecting().slot().name()).isEqualTo("PHONE");
    }

    private TurnResult slack(String session, String text) {
        return turn(session, Identity.none(), text);
    }

    private TurnResult turn(String session, Identity who, String text) {
        return turn(session, who, Channel.SLACK, text);
    }

    private TurnResult turn(String session, Identity who, Channel channel, String text) {
        TurnResult r = engine.handle(TurnRequest.typed(channel, session, who, text));
        transcript.add(session + " -> " + text + "\n   <- [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    private UUID book(String phone) {
        BookingResult r = fx.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)), phone, "Jane Doe", "1 Test Street, Bristol", "test",
                false, SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }

    private AppointmentStatus status(UUID id) {
        return fx.scheduling().appointments().find(id).orElseThrow().status();
    }

    private String transcript() {
        return String.join("\n", transcript);
    }
}

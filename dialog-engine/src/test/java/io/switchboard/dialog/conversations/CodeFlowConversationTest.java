package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogAction;
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

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time-code flow inside conversations: new codes, expiry, tries, caps, and the spoken channel. */
class CodeFlowConversationTest {

    private static final String CUSTOMER = "+447700900123";
    private static final String STRANGER = "+447700900555";

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), CallerScript.MONDAY_9AM);
    private final List<String> transcript = new ArrayList<>();
    private TextedCodes phones = new TextedCodes(new OneTimeCodes(fx.database().dsl(), fx.clock(),
            CodePolicy.forRegion("GB")));
    private Receptionist engine = engine();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aNewCodeCanBeAskedForAndOnlyTheLatestWorks() {
        UUID booking = book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        String first = phones.lastCodeTo(CUSTOMER);

        TurnResult resent = web("v1", "I didn't get it, can you send a new code?");
        assertThat(resent.reply()).as(transcript()).contains("texted a 6-digit code");
        assertThat(phones.textsTo(CUSTOMER)).isEqualTo(2);
        String second = phones.lastCodeTo(CUSTOMER);
        if (!first.equals(second)) {
            assertThat(web("v1", first).reply()).as(transcript()).contains("not the code");
        }
        TurnResult proven = web("v1", second);
        assertThat(proven.reply()).as(transcript()).contains("checked").contains("10:00");
        web("v1", "yes");
        assertThat(status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void anExpiredCodeIsRefusedAndANewOneWorks() {
        book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        String code = phones.lastCodeTo(CUSTOMER);
        fx.clock().advance(Duration.ofMinutes(11));

        TurnResult late = web("v1", code);
        assertThat(late.reply()).as(transcript()).contains("expired").doesNotContain("10:00");
        web("v1", "new code please");
        TurnResult proven = web("v1", phones.lastCodeTo(CUSTOMER));
        assertThat(proven.reply()).as(transcript()).contains("10:00");
    }

    @Test
    void fiveWrongCodesSpendItAndTheRightOneIsThenRefused() {
        UUID booking = book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        String code = phones.lastCodeTo(CUSTOMER);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            web("v1", wrong);
        }

        TurnResult right = web("v1", code);
        web("v1", "yes");

        assertThat(right.reply()).as(transcript()).contains("can't be used any more").doesNotContain("10:00");
        assertThat(status(booking)).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(web("v1", "yes").has(DialogAction.Cancelled.class)).isFalse();
    }

    @Test
    void oneConversationAsksForAtMostThreeCodes() {
        book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900123");
        web("v1", "send it again");
        web("v1", "send it again");

        TurnResult fourth = web("v1", "send it again");

        assertThat(fourth.reply()).as(transcript()).contains("as many codes as I can");
        assertThat(phones.textsTo(CUSTOMER)).isEqualTo(3);
    }

    @Test
    void whenTheDailyCapIsReachedNoCodeIsPromisedAndTheVisitorIsToldHowToChangeIt() {
        phones = new TextedCodes(new OneTimeCodes(fx.database().dsl(), fx.clock(),
                CodePolicy.forRegion("GB").withDailyCap(1)));
        engine = engine();
        UUID booking = book(CUSTOMER);
        web("v1", "cancel my booking");
        web("v1", "07700 900456");

        web("v2", "cancel my booking");
        TurnResult refused = web("v2", "07700 900123");

        assertThat(refused.reply()).as(transcript()).contains("can't send any more codes today")
                .contains("from the phone it was booked with").doesNotContain("texted");
        assertThat(phones.textsTo(CUSTOMER)).isZero();
        assertThat(status(booking)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aCallerWhoNamesTheirWifesNumberHearsTheCodeAskedForAndKeysItIn() {
        UUID booking = book(CUSTOMER);
        String call = "CA0123";

        TurnResult asked = engine.handle(TurnRequest.text(Channel.VOICE, call, STRANGER,
                "I want to cancel, it was booked under my wife's number 07700 900123"));
        transcript.add("voice <- " + asked.reply());
        assertThat(asked.reply()).contains("calling from").contains("ending 1 2 3").contains("say or key it in")
                .doesNotContain("10:00");
        TurnResult keyed = engine.handle(TurnRequest.digits(Channel.VOICE, call, STRANGER,
                phones.lastCodeTo(CUSTOMER)));
        transcript.add("voice <- " + keyed.reply());
        assertThat(keyed.state()).as(transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
        TurnResult yes = engine.handle(TurnRequest.text(Channel.VOICE, call, STRANGER, "yes"));

        assertThat(yes.state()).as(transcript()).isEqualTo(DialogState.CANCELLED);
        assertThat(status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phones.phonesTexted()).containsOnly(CUSTOMER);
    }

    @Test
    void aProvenCallerMayStillChangeTheirOwnBookingWithoutACode() {
        UUID booking = book(STRANGER);

        engine.handle(TurnRequest.text(Channel.SMS, STRANGER, STRANGER, "cancel my booking"));
        TurnResult yes = engine.handle(TurnRequest.text(Channel.SMS, STRANGER, STRANGER, "yes"));

        assertThat(yes.state()).isEqualTo(DialogState.CANCELLED);
        assertThat(status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phones.phonesTexted()).isEmpty();
    }

    private Receptionist engine() {
        return Receptionist.create(fx.scheduling(), new InMemorySessionStore(fx.clock()), DisabledLlmFallback.INSTANCE,
                new LoggingNotifier(), Receptionist.DEFAULT_SESSION_TIMEOUT, Metrics.disabled(), phones);
    }

    private TurnResult web(String session, String text) {
        TurnResult r = engine.handle(TurnRequest.typed(Channel.WEB, "chat-web:" + session, Identity.none(), text)
                .fromClient("198.51.100." + session.length()));
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

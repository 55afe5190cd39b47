package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.owner.OwnerLockout;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.telephony.messaging.ProviderStub.Sent;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One-time codes over signed SMS, texted by the real Twilio client to a loopback Twilio: a caller who names another
 * number ("my wife's phone") gets a code sent to that number and can change its booking only by typing it back, and
 * an owner locked out by wrong PINs lifts the lockout with a code texted to the owner's own phone.
 */
class CodeVerificationOverSmsTest {

    private static final String HUSBAND = "+447700900555";
    private static final String WIFE = CALLER; // +447700900123
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final TextChannelsHarness sb = new TextChannelsHarness();

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void aBookingUnderTheWifesPhoneIsMovedOnlyAfterTheCodeTextedToHerPhoneIsTypedBack() {
        UUID hers = book(WIFE, LocalDateTime.of(2026, 11, 24, 10, 0));

        String first = reply(HUSBAND,
                "I need to move my appointment to thursday, it was booked under my wife's phone 07700 900123");
        assertThat(first).as(sb.transcript()).contains("not the number you're messaging from")
                .contains("number ending 123").doesNotContain("drain").doesNotContain("10:00");
        Sent text = sb.provider.awaitSent(1).getFirst();
        assertThat(text.to()).as("the code goes to the named number, never to the sender").isEqualTo(WIFE);
        assertThat(text.text()).contains("Don't share it");

        String yes = reply(HUSBAND, "yes");
        assertThat(start(hers)).as(sb.transcript()).isEqualTo(sb.fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)));
        assertThat(yes).as("a yes is not the code: asked for the code again").contains("6-digit code")
                .doesNotContain("PIN");

        String proven = reply(HUSBAND, code(text.text()));
        assertThat(proven).as(sb.transcript()).contains("checked").contains("Thu 26 Nov 08:00");
        String confirm = reply(HUSBAND, "the first one");
        assertThat(confirm).as(sb.transcript()).contains("Move your drain cleaning from tomorrow 10:00");
        String moved = reply(HUSBAND, "yes");

        assertThat(moved).as(sb.transcript()).contains("now Thu 26 Nov 08:00");
        assertThat(start(hers).toLocalDate()).isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 0).toLocalDate());
    }

    @Test
    void aCodeTextedForOneConversationDoesNothingInAnother() {
        UUID hers = book(WIFE, LocalDateTime.of(2026, 11, 24, 10, 0));
        reply(HUSBAND, "cancel my appointment, it was booked under my wife's phone 07700 900123");
        String code = code(sb.provider.awaitSent(1).getFirst().text());

        String stranger = "+447700900666";
        reply(stranger, "cancel my appointment, it's under 07700 900123");
        sb.provider.awaitSent(2);
        String typed = reply(stranger, code);
        reply(stranger, "yes");

        assertThat(typed).as(sb.transcript()).doesNotContain("10:00");
        assertThat(sb.fx.scheduling().appointments().find(hers).orElseThrow().status().holdsSlot()).isTrue();
    }

    @Test
    void theOwnerLiftsALockoutWithACodeTextedToTheirOwnPhoneAndStillNeedsThePin() {
        book(WIFE, LocalDateTime.of(2026, 11, 23, 15, 0));
        String owner = sb.fx.scheduling().profile().owner().phone();
        String pin = sb.fx.scheduling().profile().owner().pin();
        OwnerLockout lockout = new OwnerLockout(sb.fx.scheduling().database().dsl(), sb.fx.clock());
        for (int i = 0; i < OwnerLockout.MAX_FAILURES; i++) {
            lockout.recordFailure(owner, Channel.VOICE); // someone guessing with the owner's caller ID
        }

        String paused = reply(owner, "what's on today?");
        assertThat(paused).as(sb.transcript()).contains("paused").contains("UNLOCK");
        String otherSays = reply(HUSBAND, "unlock");
        assertThat(sb.provider.sent()).as("only the owner's number can ask, and nothing goes to anyone else").isEmpty();
        assertThat(otherSays).doesNotContain("code");

        String sending = reply(owner, "unlock");
        assertThat(sending).as(sb.transcript()).contains("number ending " + owner.substring(owner.length() - 3));
        Sent text = sb.provider.awaitSent(1).getFirst();
        assertThat(text.to()).isEqualTo(owner);
        assertThat(text.text()).contains("unlock code").doesNotContain(pin);
        String code = code(text.text());

        String wrong = reply(owner, code.equals("000000") ? "111111" : "000000");
        assertThat(wrong).contains("not the code");
        assertThat(lockout.lockedUntil(owner)).as("a wrong code lifts nothing").isPresent();

        String unlocked = reply(owner, code);
        assertThat(unlocked).as(sb.transcript()).contains("unlocked").containsIgnoringCase("PIN");
        assertThat(lockout.lockedUntil(owner)).isEmpty();
        assertThat(unlocked).as("no briefing before the PIN").doesNotContain("15:00");

        String briefing = reply(owner, pin);
        assertThat(briefing).as(sb.transcript()).doesNotContain("paused");
        String today = reply(owner, "what's on today?");
        assertThat(today).as(sb.transcript()).contains("15:00");
    }

    @Test
    void aLockoutIsNotLiftedByTheCodeOfAnotherPurpose() {
        String owner = sb.fx.scheduling().profile().owner().phone();
        UUID booking = book(owner, LocalDateTime.of(2026, 11, 24, 10, 0));
        OwnerLockout lockout = new OwnerLockout(sb.fx.scheduling().database().dsl(), sb.fx.clock());
        for (int i = 0; i < OwnerLockout.MAX_FAILURES; i++) {
            lockout.recordFailure(owner, Channel.VOICE);
        }
        // a stranger names the owner's number for a booking change: a change code goes to the owner's phone
        reply(HUSBAND, "cancel my booking, it's under " + owner);
        String code = code(sb.provider.awaitSent(1).getFirst().text());

        reply(owner, "unlock");
        sb.provider.awaitSent(2);
        reply(owner, code);

        assertThat(lockout.lockedUntil(owner)).as(sb.transcript()).isPresent();
        assertThat(sb.fx.scheduling().appointments().find(booking).orElseThrow().status().holdsSlot()).isTrue();
    }

    private String reply(String from, String body) {
        TextChannelsHarness.Reply r = sb.sms(sb.nextSid(), from, body);
        assertThat(r.status()).isEqualTo(200);
        return r.message().orElse("");
    }

    private UUID book(String phone, LocalDateTime start) {
        BookingResult r = sb.fx.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                sb.fx.at(start), phone, "Jane Doe", "12 Park Street, Bristol", "test", false,
                SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }

    private ZonedDateTime start(UUID id) {
        return sb.fx.scheduling().appointments().find(id).orElseThrow().slot().start();
    }

    private static String code(String sms) {
        Matcher m = CODE.matcher(sms);
        assertThat(m.find()).as(sms).isTrue();
        return m.group(1);
    }
}

package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.SettingsSource;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.audit.AuditEntry;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.reminder.ReminderSettings;
import io.switchboard.scheduling.reminder.ReminderStore;
import io.switchboard.telephony.messaging.ProviderStub.Sent;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Day-before reminders through the real Twilio and WhatsApp clients to the loopback provider stub, the clock moved
 * by hand (Monday 23 November 2026, Bristol), and replies answered by the real receptionist.
 */
class DayBeforeRemindersTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String OTHER = "+447700900456";
    private final TextChannelsHarness sb = new TextChannelsHarness();
    private final ReminderSettings at18 = new ReminderSettings(LocalTime.of(18, 0));

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void theCustomerIsRemindedOnceTheDayBeforeWithTimeAndAddress() {
        Appointment a = book(Channel.SMS, CALLER, LocalDateTime.of(2026, 11, 24, 10, 0));
        DayBeforeReminders reminders = reminders();

        assertThat(reminders.pass()).as("not before the reminder time").isZero();
        at(LocalDateTime.of(2026, 11, 23, 18, 0));
        assertThat(reminders.pass()).isEqualTo(1);

        Sent sent = sb.provider.sentTo("twilio", CALLER).getFirst();
        assertThat(sent.text()).contains("Bristol Plumbing").contains("drain cleaning")
                .contains("Tuesday 24 November at 10:00").contains("12 Park Street, Bristol")
                .contains("Reply CANCEL");
        assertThat(reminders.pass()).as("sent once").isZero();
        assertThat(reminders().pass()).as("a restarted server or another instance sends nothing").isZero();
        assertThat(sb.provider.sent()).hasSize(1);
        AuditEntry audit = sb.fx.scheduling().audit().forAppointment(a.id()).getLast();
        assertThat(audit.action()).isEqualTo(ReminderStore.REMINDED);
        assertThat(audit.actor()).isEqualTo(ReminderStore.ACTOR);
        assertThat(audit.after()).contains("\"sent\"");
    }

    @Test
    void aWhatsAppBookingIsRemindedOnWhatsApp() {
        book(Channel.WHATSAPP, CALLER, LocalDateTime.of(2026, 11, 24, 10, 0));
        at(LocalDateTime.of(2026, 11, 23, 18, 30));

        assertThat(reminders().pass()).isEqualTo(1);

        assertThat(sb.provider.sent()).extracting(Sent::provider).containsExactly("whatsapp");
    }

    @Test
    void nothingIsSentOutsideWakingHours() {
        book(Channel.SMS, CALLER, LocalDateTime.of(2026, 11, 24, 10, 0));
        DayBeforeReminders reminders = reminders();

        at(LocalDateTime.of(2026, 11, 23, 21, 0)); // the server was down from before six until nine
        assertThat(reminders.pass()).isZero();
        at(LocalDateTime.of(2026, 11, 24, 7, 59));
        assertThat(reminders.pass()).isZero();
        at(LocalDateTime.of(2026, 11, 24, 8, 30));
        assertThat(reminders.pass()).as("on the day it is no longer a day-before reminder").isZero();
        assertThat(sb.provider.sent()).isEmpty();
    }

    @Test
    void anOptedOutNumberGetsNothingAndTheAuditSaysSo() {
        Appointment a = book(Channel.SMS, CALLER, LocalDateTime.of(2026, 11, 24, 10, 0));
        new OptOutStore(sb.fx.database().dsl(), sb.fx.clock()).optOut(CALLER, Channel.SMS);
        at(LocalDateTime.of(2026, 11, 23, 18, 0));

        assertThat(reminders().pass()).isZero();

        assertThat(sb.provider.sent()).isEmpty();
        assertThat(sb.fx.scheduling().audit().forAppointment(a.id()).getLast().after()).contains("opted_out");
    }

    @Test
    void aBookingMadeAfterTheReminderTimeIsNotReminded() {
        at(LocalDateTime.of(2026, 11, 23, 19, 0));
        book(Channel.SMS, CALLER, LocalDateTime.of(2026, 11, 24, 10, 0));

        assertThat(reminders().pass()).isZero();
        assertThat(sb.provider.sent()).isEmpty();
    }

    @Test
    void replyingCancelToTheReminderIsAboutThatBooking() {
        Appointment tuesday = book(Channel.SMS, CALLER, LocalDateTime.of(2026, 11, 24, 10, 0));
        Appointment thursday = book(Channel.SMS, CALLER, LocalDateTime.of(2026, 11, 26, 14, 0));
        at(LocalDateTime.of(2026, 11, 23, 18, 0));
        assertThat(reminders().pass()).isEqualTo(1);

        TurnResult ask = reply("cancel");
        assertThat(ask.reply()).as("asks about the reminded booking, not which one").contains("tomorrow 10:00")
                .doesNotContainIgnoringCase("thu");
        TurnResult done = reply("yes");

        assertThat(done.has(DialogAction.Cancelled.class)).as(done.reply()).isTrue();
        assertThat(status(tuesday)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(status(thursday)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void askingToMoveItIsAboutTheRemindedBooking() {
        Appointment tuesday = book(Channel.SMS, OTHER, LocalDateTime.of(2026, 11, 24, 10, 0));
        book(Channel.SMS, OTHER, LocalDateTime.of(2026, 11, 27, 14, 0));
        at(LocalDateTime.of(2026, 11, 23, 18, 0));
        reminders().pass();

        TurnResult ask = sb.engine.handle(TurnRequest.text(Channel.SMS, OTHER, OTHER, "can we move it"));

        assertThat(ask.reply()).doesNotContainIgnoringCase("which");
        TurnResult offered = sb.engine.handle(TurnRequest.text(Channel.SMS, OTHER, OTHER, "wednesday at 2pm"));
        TurnResult moved = sb.engine.handle(TurnRequest.text(Channel.SMS, OTHER, OTHER, "yes"));
        assertThat(moved.has(DialogAction.Rescheduled.class)).as(ask.reply() + " / " + offered.reply() + " / "
                + moved.reply()).isTrue();
        assertThat(sb.fx.scheduling().appointments().find(tuesday.id()).orElseThrow().slot().start().toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 11, 25, 14, 0));
    }

    @Test
    void aReminderTimeOutsideWakingHoursIsRefusedNamingTheSetting() {
        assertThat(ReminderSettings.from(SettingsSource.of(Map.of()))).get()
                .extracting(ReminderSettings::sendAt).isEqualTo(LocalTime.of(18, 0));
        assertThat(ReminderSettings.from(SettingsSource.of(Map.of(ReminderSettings.TIME, "off")))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ReminderSettings.from(SettingsSource.of(Map.of(ReminderSettings.TIME, "23:30"))))
                .hasMessageStartingWith(ReminderSettings.TIME);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ReminderSettings.from(SettingsSource.of(Map.of(ReminderSettings.TIME, "six"))))
                .hasMessageStartingWith(ReminderSettings.TIME);
    }

    private DayBeforeReminders reminders() {
        return new DayBeforeReminders(sb.fx.scheduling(), sb.channels.outbound(), at18);
    }

    private TurnResult reply(String text) {
        return sb.engine.handle(TurnRequest.text(Channel.SMS, CALLER, CALLER, text));
    }

    private AppointmentStatus status(Appointment a) {
        return sb.fx.scheduling().appointments().find(a.id()).orElseThrow().status();
    }

    private void at(LocalDateTime local) {
        sb.fx.clock().set(local.atZone(LONDON));
    }

    private Appointment book(Channel channel, String phone, LocalDateTime start) {
        BookingResult r = sb.fx.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                sb.fx.at(start), phone, "Jane Doe", "12 Park Street, Bristol", "blocked sink", false,
                new Actor(channel, "test")));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment();
    }

}

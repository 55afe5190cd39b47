package io.switchboard.telephony.privacy;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.privacy.CustomerRecords;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.CallOutcome;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import io.switchboard.telephony.messaging.InboundText;
import io.switchboard.telephony.messaging.Inbox;
import io.switchboard.telephony.messaging.MessageProvider;
import io.switchboard.telephony.messaging.ProcessedMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** A fresh database holding one person's data in every table that can hold it, plus helpers to read it back. */
final class PersonalDataFixture implements AutoCloseable {

    /** A Monday morning. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    static final String RITA = "+447700900123";
    static final String OTHER = "+447700900456";

    final SchedulingFixture scheduling = new SchedulingFixture(TestProfiles.sample(), NOW);
    final DSLContext dsl = scheduling.database().dsl();
    final PrivacyLog log = new PrivacyLog(dsl);
    final CustomerRecords customers = new CustomerRecords(dsl, scheduling.scheduling().audit());
    final CallLogStore calls = new CallLogStore(dsl);
    final Inbox inbox = new Inbox(dsl, scheduling.clock());
    final ProcessedMessages processed = new ProcessedMessages(dsl, scheduling.clock());

    Appointment book(String phone, LocalDateTime start, String address, String problem) {
        var request = new io.switchboard.scheduling.booking.BookingRequest(null, "general-repair",
                scheduling.at(start), phone, RITA.equals(phone) ? "Rita Example" : "Olly Other", address, problem, false,
                SchedulingFixture.TEST_ACTOR);
        BookingResult result = scheduling.scheduling().bookings().book(request);
        return ((BookingResult.Success) result).appointment();
    }

    void call(String sid, String phone, Instant start, String heard) {
        calls.save(LoggedCall.of(sid, phone, start, start.plusSeconds(40), CallOutcome.QUESTION, null, null,
                List.of(new LoggedTurn(1, "greeting", null, null, "Thanks for calling.", "greeting", "idle",
                                start.plusSeconds(1), null, null, 10, 70, 90, false),
                        new LoggedTurn(2, "speech", heard, null, "Sure.", "faq", "idle", start.plusSeconds(9),
                                400, 120, 30, 60, 215, false))));
    }

    /** An SMS stored and answered with {@code reply} (its body is cleared on answering, as in production). */
    void answeredText(String id, String phone, String body, String reply) {
        InboundText m = new InboundText(MessageProvider.TWILIO, id, Channel.SMS, phone, body, 0);
        inbox.accept(m);
        processed.handleOnce(MessageProvider.TWILIO, id, () -> Optional.of(reply));
        inbox.claimReply(MessageProvider.TWILIO, id);
    }

    /** An SMS stored and never answered: its body is still there. */
    void unansweredText(String id, String phone, String body) {
        inbox.accept(new InboundText(MessageProvider.TWILIO, id, Channel.SMS, phone, body, 0));
    }

    void advance(Duration d) {
        scheduling.clock().advance(d);
    }

    int count(String sql) {
        return scheduling.count(sql);
    }

    String text(String sql) {
        Object v = dsl.fetchValue(sql);
        return v == null ? null : v.toString();
    }

    @Override
    public void close() {
        scheduling.close();
    }
}

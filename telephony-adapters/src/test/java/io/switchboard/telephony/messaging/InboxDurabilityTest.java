package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static io.switchboard.telephony.messaging.TextChannelsHarness.MONDAY_9AM;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.messaging.ProviderStub.Sent;
import io.switchboard.telephony.messaging.TextChannelsHarness.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text webhooks under the failures that lost messages: a crash after the acknowledgement, and a stalled database.
 * The stall is real: another connection holds an exclusive lock on {@code inbound_message}. The webhooks' time bound
 * is shortened to 400 ms so the tests stay fast.
 */
class InboxDurabilityTest {

    private static final WebhookSettings FAST = new WebhookSettings(Duration.ofMillis(400), Duration.ofSeconds(30),
            Duration.ofMinutes(10));

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), MONDAY_9AM);
    private TextChannelsHarness sb;

    @AfterEach
    void close() {
        if (sb != null) {
            sb.close();
        }
        fx.close();
    }

    @Test
    void whatsAppIsAcknowledgedOnlyOnceTheMessageIsStored() {
        sb = TextChannelsHarness.over(fx, FAST);
        String id = WhatsAppPayloads.newId();

        Reply ack = sb.whatsApp(new WhatsAppPayloads().text(id, "Hi, do you do drain cleaning?").json());

        // Checked the moment the 200 arrives: a crash from here on cannot lose the message.
        assertThat(ack.status()).isEqualTo(200);
        assertThat(fx.count("select count(*) from inbound_message where message_id = '" + id + "'")).isEqualTo(1);
        sb.provider.awaitSent(1);
        awaitStatus(id, Inbox.ANSWERED);
        assertThat(fx.count("select count(*) from inbound_message where body is not null")).isZero();
    }

    @Test
    void whatsAppThatCannotBeStoredInTimeGets503AndIsAnsweredOnceWhenTheDatabaseReturns() throws Exception {
        sb = TextChannelsHarness.over(fx, FAST);
        String id = WhatsAppPayloads.newId();
        String payload = new WhatsAppPayloads().text(id, "Hi, do you do drain cleaning?").json();
        Reply during;
        try (StalledTable stall = StalledTable.lock(fx, "inbound_message")) {
            long start = System.nanoTime();
            during = sb.whatsApp(payload);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(during.status()).as("not stored, so not acknowledged: Meta delivers again").isEqualTo(503);
            assertThat(tookMs).isLessThan(3_000);
            assertThat(sb.provider.sent()).isEmpty();
        }
        // The insert that was waiting on the lock goes through; the message is answered once.
        List<Sent> sent = sb.provider.awaitSent(1);
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo(CALLER));
        awaitStatus(id, Inbox.ANSWERED);

        // Meta's redelivery of the 503'd notification is acknowledged and changes nothing.
        assertThat(sb.whatsApp(payload).status()).isEqualTo(200);
        Thread.sleep(300);
        assertThat(sb.provider.sent()).hasSize(1);
        assertThat(fx.count("select count(*) from processed_message")).isEqualTo(1);
    }

    @Test
    void smsUnderAStalledDatabaseIsAnsweredInTimeAndTheReplyFollowsByApi() throws Exception {
        sb = TextChannelsHarness.over(fx, FAST);
        String sid = sb.nextSid();
        CompletableFuture<Reply> late;
        try (StalledTable stall = StalledTable.lock(fx, "inbound_message")) {
            long start = System.nanoTime();
            late = sb.postSignedAsync(TextChannelsHarness.smsParams(sid, CALLER,
                    "Hi, can you do a drain cleaning tmrw at 10am?", 0));
            Reply answer = late.get(5, TimeUnit.SECONDS);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            System.out.printf("SMS answered after %d ms with the table locked (bound %d ms)%n", tookMs,
                    FAST.answerWithin().toMillis());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.message()).as("empty TwiML: the reply is not ready yet").isEmpty();
            assertThat(tookMs).as("Twilio gives up at 15 s").isLessThan(3_000);
        }
        List<Sent> sent = sb.provider.awaitSent(1);
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.provider()).isEqualTo("twilio");
            assertThat(s.to()).isEqualTo(CALLER);
            assertThat(s.text()).isNotBlank();
        });
        awaitStatus(sid, Inbox.ANSWERED);
        Thread.sleep(300);
        assertThat(sb.provider.sent()).as("the reply is sent once, not also in a TwiML").hasSize(1);
    }

    @Test
    void anSmsAcknowledgedDuringAStallIsOnLocalDiskUntilTheDatabaseHasIt(@TempDir Path spool) throws Exception {
        sb = TextChannelsHarness.over(fx, FAST.withSpoolDir(spool));
        try (StalledTable stall = StalledTable.lock(fx, "inbound_message")) {
            Reply answer = sb.postSignedAsync(TextChannelsHarness.smsParams(sb.nextSid(), CALLER,
                    "Hi, can you do a drain cleaning tmrw at 10am?", 0)).get(5, TimeUnit.SECONDS);

            assertThat(answer.message()).isEmpty();
            assertThat(files(spool)).as("acknowledged, not in the database yet: kept on disk").hasSize(1);
        }
        sb.provider.awaitSent(1);
        assertThat(files(spool)).isEmpty();
    }

    @Test
    void anSmsLeftInTheSpoolByACrashedRunIsAnsweredOnStartUp(@TempDir Path spool) throws Exception {
        String sid = "SM" + "2".repeat(32);
        new InboundSpool(spool).write(new InboundText(MessageProvider.TWILIO, sid, Channel.SMS, CALLER,
                "can you do a drain cleaning tmrw at 10am?", 0));

        sb = TextChannelsHarness.over(fx, FAST.withSpoolDir(spool));

        assertThat(sb.provider.awaitSent(1)).singleElement().satisfies(s -> {
            assertThat(s.provider()).isEqualTo("twilio");
            assertThat(s.to()).isEqualTo(CALLER);
        });
        awaitStatus(sid, Inbox.ANSWERED);
        assertThat(files(spool)).isEmpty();
    }

    private static List<Path> files(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void smsInTimeIsAnsweredInTheTwimlAndNotAlsoByApi() throws Exception {
        sb = TextChannelsHarness.over(fx, FAST);
        Reply r = sb.sms("Hi, can you do a drain cleaning tmrw at 10am?");

        assertThat(r.message()).isPresent();
        Thread.sleep(300);
        assertThat(sb.provider.sent()).isEmpty();
        assertThat(fx.count("select count(*) from inbound_message where status = 'answered'")).isEqualTo(1);
    }

    @Test
    void messagesStoredBeforeACrashAreAnsweredAndTheOwnerAlertedOnTheNextStart() {
        // What a server that died right after storing (and acknowledging) left behind.
        Inbox inbox = new Inbox(fx.database().dsl(), fx.clock());
        inbox.accept(new InboundText(MessageProvider.WHATSAPP, WhatsAppPayloads.newId(), Channel.WHATSAPP, CALLER,
                "Help, burst pipe! Water everywhere at 12 Park Street, Bristol BS1 5HX", 0));
        inbox.accept(new InboundText(MessageProvider.TWILIO, "SM" + "0".repeat(31) + "9", Channel.SMS,
                "+447700900456", "can you do a drain cleaning tmrw at 10am?", 0));
        fx.clock().advance(Duration.ofMinutes(2));

        sb = TextChannelsHarness.over(fx, FAST);

        String owner = fx.scheduling().profile().owner().phone();
        List<Sent> sent = sb.provider.awaitSent(3);
        assertThat(sent).anySatisfy(s -> {
            assertThat(s.provider()).isEqualTo("whatsapp");
            assertThat(s.to()).isEqualTo(CALLER);
        });
        assertThat(sent).anySatisfy(s -> {
            assertThat(s.provider()).isEqualTo("twilio");
            assertThat(s.to()).isEqualTo("+447700900456");
        });
        assertThat(sent).anySatisfy(s -> {
            assertThat(s.to()).isEqualTo(owner);
            assertThat(s.text()).startsWith("EMERGENCY");
        });
        assertThat(fx.count("select count(*) from inbound_message where status = 'received'")).isZero();

        // Another start (or sweep) finds nothing left to do.
        sb.close();
        fx.clock().advance(Duration.ofMinutes(2));
        sb = TextChannelsHarness.over(fx, FAST);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sb.provider.sent()).isEmpty();
    }

    @Test
    void storedMessagesOfAChannelThisServerCannotAnswerWaitForOneThatCan() {
        Inbox inbox = new Inbox(fx.database().dsl(), fx.clock());
        String id = WhatsAppPayloads.newId();
        inbox.accept(new InboundText(MessageProvider.WHATSAPP, id, Channel.WHATSAPP, CALLER, "Hi there", 0));
        fx.clock().advance(Duration.ofMinutes(2));

        sb = TextChannelsHarness.over(fx, new MessagingConfig(TextChannelsHarness.config().sms(),
                Optional.empty()), FAST);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        assertThat(sb.provider.sent()).isEmpty();
        assertThat(fx.count("select count(*) from inbound_message where status = 'received' and attempts = 0"))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveryOfAnSmsThatGotAnApologyDoesNotRunTheConversationUnread() {
        AtomicBoolean broken = new AtomicBoolean(true);
        sb = TextChannelsHarness.over(fx, FAST, real -> new DialogEngine() {
            @Override
            public TurnResult begin(Channel channel, String sessionId, String from) {
                return real.begin(channel, sessionId, from);
            }

            @Override
            public TurnResult handle(TurnRequest request) {
                if (broken.get()) {
                    throw new IllegalStateException("engine down");
                }
                return real.handle(request);
            }

            @Override
            public void end(Channel channel, String sessionId) {
                real.end(channel, sessionId);
            }
        });
        var params = TextChannelsHarness.smsParams(sb.nextSid(), CALLER, "can you do a drain cleaning tmrw at 10am?", 0);

        assertThat(sb.postSigned(params).message()).hasValueSatisfying(m -> assertThat(m).startsWith("Sorry"));
        broken.set(false);
        Reply again = sb.postSigned(params);

        assertThat(again.message()).isEmpty();
        assertThat(fx.count("select count(*) from processed_message")).as("not run a second time").isZero();
        assertThat(sb.sms("can you do a drain cleaning tmrw at 10am?").message()).hasValueSatisfying(
                m -> assertThat(m).doesNotStartWith("Sorry"));
    }

    @Test
    void recoveryLeavesRecentMessagesToTheirOwnWebhook() {
        Inbox inbox = new Inbox(fx.database().dsl(), fx.clock());
        inbox.accept(new InboundText(MessageProvider.TWILIO, "SM" + "1".repeat(32), Channel.SMS, CALLER, "hi", 0));
        fx.clock().advance(Duration.ofSeconds(5));

        assertThat(inbox.stale(Duration.ofSeconds(30), 10)).isEmpty();
        fx.clock().advance(Duration.ofSeconds(30));
        assertThat(inbox.stale(Duration.ofSeconds(30), 10)).hasSize(1);
        assertThat(inbox.retry(MessageProvider.TWILIO, "SM" + "1".repeat(32), Duration.ofSeconds(30))).hasValue(1);
        // A second sweep (another server) that listed it at the same time does not get it too.
        assertThat(inbox.retry(MessageProvider.TWILIO, "SM" + "1".repeat(32), Duration.ofSeconds(30))).isEmpty();
        assertThat(inbox.claimReply(MessageProvider.TWILIO, "SM" + "1".repeat(32))).isTrue();
        assertThat(inbox.claimReply(MessageProvider.TWILIO, "SM" + "1".repeat(32))).isFalse();
    }

    private void awaitStatus(String messageId, String status) {
        long deadline = System.currentTimeMillis() + 10_000;
        String sql = "select count(*) from inbound_message where message_id = '" + messageId + "' and status = '"
                + status + "'";
        while (fx.count(sql) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(messageId + " never became " + status);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** A table locked by another connection's open transaction: every statement on it waits until close. */
    private static final class StalledTable implements AutoCloseable {
        private final Connection connection;

        private StalledTable(Connection connection) {
            this.connection = connection;
        }

        static StalledTable lock(SchedulingFixture fx, String table) throws SQLException {
            Connection c = fx.database().dataSource().getConnection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            return new StalledTable(c);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}

package io.switchboard.telephony.privacy;

import io.switchboard.models.settings.SettingsSource;

import static io.switchboard.telephony.privacy.PersonalDataFixture.OTHER;
import static io.switchboard.telephony.privacy.PersonalDataFixture.RITA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.privacy.CustomerRecords;
import io.switchboard.telephony.calllog.CallLogRetention;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every retention period, enforced by one schedule, on a clock the test moves. */
class RetentionScheduleTest {

    private PersonalDataFixture fx;
    private RetentionSchedule schedule;

    @BeforeEach
    void open() {
        fx = new PersonalDataFixture();
        schedule = new RetentionSchedule(fx.scheduling.clock(), List.of(
                new CallLogRetention(fx.calls, fx.scheduling.clock(), Duration.ofDays(30)),
                new MessageRetention(fx.dsl, Duration.ofDays(7)),
                new CustomerRetention(fx.dsl, fx.customers, fx.log, Duration.ofDays(365))));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void messageBodiesAndRepliesAreClearedOnceOlderThanTheirPeriod() {
        fx.answeredText("SM-1", RITA, "my address is 14 Gloucester Rd", "Booked at 14 Gloucester Rd");
        fx.unansweredText("SM-2", RITA, "are you there?");
        fx.advance(Duration.ofDays(7).minusMinutes(1));
        schedule.runOnce();
        assertThat(fx.text("SELECT reply FROM processed_message WHERE message_id = 'SM-1'")).contains("Gloucester");
        assertThat(fx.text("SELECT body FROM inbound_message WHERE message_id = 'SM-2'")).isEqualTo("are you there?");

        fx.advance(Duration.ofMinutes(2));
        schedule.runOnce();

        assertThat(fx.text("SELECT reply FROM processed_message WHERE message_id = 'SM-1'")).isNull();
        assertThat(fx.text("SELECT body FROM inbound_message WHERE message_id = 'SM-2'")).isNull();
        assertThat(fx.text("SELECT status FROM inbound_message WHERE message_id = 'SM-2'")).isEqualTo("failed");
        // The ids stay for deduplication: a late redelivery is still recognised.
        assertThat(fx.count("SELECT count(*) FROM processed_message WHERE message_id = 'SM-1'")).isEqualTo(1);
    }

    @Test
    void callsGoAfterTheCallLogPeriodThroughTheSameSchedule() {
        fx.call("CA-1", RITA, fx.scheduling.clock().instant(), "hello");
        fx.advance(Duration.ofDays(30).minusMinutes(1));
        schedule.runOnce();
        assertThat(fx.calls.find("CA-1")).isPresent();

        fx.advance(Duration.ofMinutes(2));
        schedule.runOnce();
        assertThat(fx.calls.find("CA-1")).isEmpty();
    }

    @Test
    void aCustomerIsRemovedAYearAfterTheirLastJobEndedAndTheJobKeptAsAStub() {
        Appointment old = fx.book(RITA, LocalDateTime.of(2026, 11, 24, 10, 0), "14 Gloucester Rd", "tap");
        Instant jobEnded = old.slot().end().toInstant();
        Appointment others = fx.book(OTHER, LocalDateTime.of(2026, 11, 24, 14, 0), "2 Other St", "boiler");
        fx.scheduling.clock().set(jobEnded.plus(Duration.ofDays(300)).atZone(fx.scheduling.clock().getZone()));
        // The other customer books again: their record stays, a recent job keeps them.
        fx.book(OTHER, LocalDateTime.of(2027, 9, 21, 10, 0), "2 Other St", "boiler again");

        fx.scheduling.clock().set(jobEnded.plus(Duration.ofDays(365)).minusSeconds(60)
                .atZone(fx.scheduling.clock().getZone()));
        schedule.runOnce();
        assertThat(fx.count("SELECT count(*) FROM customer WHERE phone = '" + RITA + "'")).isEqualTo(1);

        fx.advance(Duration.ofMinutes(2));
        schedule.runOnce();

        assertThat(fx.count("SELECT count(*) FROM customer WHERE phone = '" + RITA + "'")).isZero();
        Appointment stub = fx.scheduling.scheduling().appointments().find(old.id()).orElseThrow();
        assertThat(stub.customer().phone()).isEqualTo(CustomerRecords.ERASED_PHONE);
        assertThat(stub.address()).isEmpty();
        assertThat(stub.slot()).isEqualTo(old.slot());
        assertThat(fx.count("SELECT count(*) FROM privacy_log WHERE action = 'expire' AND actor = 'retention'"))
                .isEqualTo(1);
        assertThat(fx.scheduling.scheduling().appointments().find(others.id()).orElseThrow().customer().phone())
                .isEqualTo(OTHER);
    }

    @Test
    void aFailingRuleDoesNotStopTheOthers() {
        fx.call("CA-1", RITA, fx.scheduling.clock().instant(), "hello");
        RetentionRule broken = new RetentionRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public int purge(Instant now) {
                throw new IllegalStateException("database down");
            }
        };
        RetentionSchedule withBroken = new RetentionSchedule(fx.scheduling.clock(), List.of(broken,
                new CallLogRetention(fx.calls, fx.scheduling.clock(), Duration.ofDays(1))));
        fx.advance(Duration.ofDays(2));

        assertThat(withBroken.runOnce()).isEqualTo(1);
        assertThat(fx.calls.find("CA-1")).isEmpty();
    }

    @Test
    void periodsAreReadInTheProjectsDurationSyntax() {
        assertThat(RetentionSettings.from(SettingsSource.of(Map.of()))).isEqualTo(RetentionSettings.defaults());
        RetentionSettings set = RetentionSettings.from(SettingsSource.of(Map.of(RetentionSettings.MESSAGES, "48h",
                RetentionSettings.CUSTOMERS, "P730D")));
        assertThat(set.messages()).isEqualTo(Duration.ofHours(48));
        assertThat(set.customers()).isEqualTo(Duration.ofDays(730));
        assertThatThrownBy(() -> RetentionSettings.from(SettingsSource.of(Map.of(RetentionSettings.CUSTOMERS, "forever"))))
                .hasMessage("SWITCHBOARD_RETENTION_CUSTOMERS: 'forever' is not a duration like 30d or 12h");
        assertThatThrownBy(() -> RetentionSettings.from(SettingsSource.of(Map.of(RetentionSettings.MESSAGES, "PT10M"))))
                .hasMessageStartingWith("SWITCHBOARD_RETENTION_MESSAGES must be at least 1h");
    }
}

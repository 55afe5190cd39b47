package io.switchboard.telephony.privacy;

import static io.switchboard.telephony.privacy.PersonalDataFixture.OTHER;
import static io.switchboard.telephony.privacy.PersonalDataFixture.RITA;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.privacy.CustomerRecords;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export and erasure of one number's data in a real (embedded) PostgreSQL. */
class PersonalDataErasureTest {

    private PersonalDataFixture fx;
    private PersonalDataExport export;
    private PersonalDataErasure erasure;
    private Appointment ritasJob;
    private Appointment othersJob;

    @BeforeEach
    void store() {
        fx = new PersonalDataFixture();
        export = new PersonalDataExport(fx.dsl, fx.log, fx.scheduling.clock(), fx.scheduling.scheduling().profile().timezone());
        erasure = new PersonalDataErasure(fx.dsl, fx.customers, fx.log, fx.scheduling.clock());
        ritasJob = fx.book(RITA, LocalDateTime.of(2026, 11, 24, 10, 0), "14 Gloucester Rd", "leaking tap in kitchen");
        othersJob = fx.book(OTHER, LocalDateTime.of(2026, 11, 24, 14, 0), "2 Other St", "boiler");
        fx.scheduling.scheduling().bookings().reschedule(ritasJob.id(),
                fx.scheduling.at(LocalDateTime.of(2026, 11, 25, 10, 0)),
                io.switchboard.scheduling.testing.SchedulingFixture.TEST_ACTOR);
        fx.call("CA-rita", RITA, fx.scheduling.clock().instant(), "my tap is leaking at fourteen gloucester road");
        fx.call("CA-other", OTHER, fx.scheduling.clock().instant(), "boiler");
        fx.answeredText("SM-rita-1", RITA, "hi can you fix a tap", "Booked: Tue 10:00 at 14 Gloucester Rd");
        fx.unansweredText("SM-rita-2", RITA, "also the shower, Rita");
        fx.answeredText("SM-other", OTHER, "boiler", "Booked: Tue 14:00");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void theExportHoldsEverythingStoredAboutTheNumberAndNothingOfAnyoneElse() {
        JsonObject out = export.export(RITA, "admin-api");

        assertThat(out.getBoolean("found")).isTrue();
        assertThat(out.getJsonObject("customer").getString("name")).isEqualTo("Rita Example");
        assertThat(out.getJsonArray("appointments")).hasSize(1);
        JsonObject job = out.getJsonArray("appointments").getJsonObject(0);
        assertThat(job.getString("id")).isEqualTo(ritasJob.id().toString());
        assertThat(job.getString("address")).isEqualTo("14 Gloucester Rd");
        assertThat(job.getString("problem")).isEqualTo("leaking tap in kitchen");
        assertThat(job.getJsonArray("history")).hasSize(2); // booked, then moved
        assertThat(out.getJsonArray("calls")).hasSize(1);
        assertThat(out.getJsonArray("calls").getJsonObject(0).getJsonArray("turns").getJsonObject(1)
                .getString("heard")).contains("gloucester road");
        assertThat(out.getJsonArray("messages")).hasSize(2);
        assertThat(out.encode()).contains("Booked: Tue 10:00 at 14 Gloucester Rd", "also the shower, Rita")
                .doesNotContain(OTHER, "boiler", "2 Other St");
        assertThat(fx.count("SELECT count(*) FROM privacy_log WHERE action = 'export' AND subject = '***123'"))
                .isEqualTo(1);
    }

    @Test
    void anUnknownNumberExportsAsNotFound() {
        JsonObject out = export.export("+447700900999", "admin-api");

        assertThat(out.getBoolean("found")).isFalse();
        assertThat(out.getValue("customer")).isNull();
        assertThat(out.getJsonArray("appointments")).isEmpty();
    }

    @Test
    void erasingRemovesThePersonEverywhereButKeepsTheirBookingAsARedactedStub() {
        ErasureReport report = erasure.erase(RITA, "admin-api");

        assertThat(report).isEqualTo(new ErasureReport(1, true, 1, 2, 0, 0));
        // The stub: same booking, time and service; nobody behind it.
        Appointment stub = fx.scheduling.scheduling().appointments().find(ritasJob.id()).orElseThrow();
        assertThat(stub.slot().start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0));
        assertThat(stub.serviceId()).isEqualTo("general-repair");
        assertThat(stub.customer().phone()).isEqualTo(CustomerRecords.ERASED_PHONE);
        assertThat(stub.customer().name()).isEqualTo(CustomerRecords.ERASED_NAME);
        assertThat(stub.address()).isEmpty();
        assertThat(stub.problem()).isEmpty();
        // No trace of her left in any table, the audit snapshots and calendar payloads included.
        for (String table : new String[] {"customer", "appointment", "audit_log", "calendar_outbox", "call_log",
                "call_turn", "inbound_message", "processed_message", "owner_alert", "missed_call", "privacy_log"}) {
            assertThat(fx.count("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%900123%' "
                    + "OR t::text ILIKE '%gloucester%' OR t::text ILIKE '%rita%' OR t::text LIKE '%leaking tap%'"))
                    .as(table).isZero();
        }
        assertThat(fx.count("SELECT count(*) FROM audit_log WHERE appointment_id = '" + ritasJob.id()
                + "' AND action = 'REDACTED'")).isEqualTo(1);
        assertThat(fx.text("SELECT detail::text FROM privacy_log WHERE action = 'erase'"))
                .contains("\"bookings_redacted\": 1");
        // Everyone else untouched.
        assertThat(fx.scheduling.scheduling().appointments().find(othersJob.id()).orElseThrow().address())
                .isEqualTo("2 Other St");
        assertThat(fx.calls.find("CA-other")).isPresent();
        assertThat(fx.count("SELECT count(*) FROM processed_message WHERE message_id = 'SM-other'")).isEqualTo(1);
    }

    @Test
    void erasingTwiceIsHarmlessAndSaysNothingWasLeft() {
        erasure.erase(RITA, "admin-api");

        ErasureReport again = erasure.erase(RITA, "admin-api");

        assertThat(again.foundAnything()).isFalse();
        assertThat(fx.count("SELECT count(*) FROM privacy_log WHERE action = 'erase'")).isEqualTo(2);
    }

    @Test
    void upcomingBookingsAreCountedSoTheApiCanRefuseToEraseThemSilently() {
        assertThat(erasure.upcomingBookings(RITA)).isEqualTo(1);
        fx.advance(Duration.ofDays(3));
        assertThat(erasure.upcomingBookings(RITA)).isZero();
    }
}

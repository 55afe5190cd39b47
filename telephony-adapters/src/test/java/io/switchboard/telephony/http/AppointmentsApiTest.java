package io.switchboard.telephony.http;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentsApiTest {

    private static ApiTestServer server;
    private static Appointment tuesdayRepair;
    private static Appointment thursdayEmergency;
    private static Appointment cancelledWednesday;

    @BeforeAll
    static void start() {
        server = new ApiTestServer();
        tuesdayRepair = book("general-repair", LocalDateTime.of(2026, 11, 24, 10, 0), "07700 900123", false);
        thursdayEmergency = book("emergency-callout", LocalDateTime.of(2026, 11, 26, 8, 0), "+447700900456", true);
        cancelledWednesday = book("drain-cleaning", LocalDateTime.of(2026, 11, 25, 14, 0), "+447700900789", false);
        var cancelled = server.fixture.scheduling().bookings().cancel(cancelledWednesday.id(),
                new Actor(Channel.WEB, "test"));
        assertThat(cancelled.succeeded()).isTrue();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneDayListsItsAppointmentWithEveryField() {
        HttpResponse<String> response = server.get("/v1/appointments?date=2026-11-24");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray list = ApiTestServer.json(response).getJsonArray("appointments");
        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0)).isEqualTo(new JsonObject()
                .put("id", tuesdayRepair.id().toString())
                .put("service", "general-repair")
                .put("service_name", "general repair")
                .put("start", "2026-11-24T10:00:00+00:00")
                .put("end", "2026-11-24T11:00:00+00:00")
                .put("status", "booked")
                .put("customer", new JsonObject().put("name", "Test Caller").put("phone", "+447700900123"))
                .put("address", "1 Test Street, Bristol")
                .put("problem", "general-repair job")
                .put("emergency", false)
                .put("channel", "sms"));
    }

    @Test
    void aRangeIsInclusiveInStartOrderAndShowsCancellations() {
        HttpResponse<String> response = server.get("/v1/appointments?from=2026-11-24&to=2026-11-26");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = ApiTestServer.json(response);
        assertThat(body.getString("from")).isEqualTo("2026-11-24");
        assertThat(body.getString("to")).isEqualTo("2026-11-26");
        JsonArray list = body.getJsonArray("appointments");
        assertThat(list.stream().map(o -> ((JsonObject) o).getString("id")))
                .containsExactly(tuesdayRepair.id().toString(), cancelledWednesday.id().toString(),
                        thursdayEmergency.id().toString());
        assertThat(list.getJsonObject(1).getString("status")).isEqualTo("cancelled");
        assertThat(list.getJsonObject(2).getBoolean("emergency")).isTrue();
        assertThat(list.getJsonObject(2).getString("service_name")).isEqualTo("emergency call-out");
    }

    @Test
    void aRangeThatEndsBeforeAnAppointmentLeavesItOut() {
        HttpResponse<String> response = server.get("/v1/appointments?from=2026-11-20&to=2026-11-25");

        JsonArray list = ApiTestServer.json(response).getJsonArray("appointments");
        assertThat(list.stream().map(o -> ((JsonObject) o).getString("id")))
                .containsExactly(tuesdayRepair.id().toString(), cancelledWednesday.id().toString());
    }

    @Test
    void aDayWithoutAppointmentsIsAnEmptyList() {
        HttpResponse<String> response = server.get("/v1/appointments?date=2026-11-27");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiTestServer.json(response).getJsonArray("appointments")).isEmpty();
    }

    @Test
    void aFullQuarterIsAllowed() {
        assertThat(server.get("/v1/appointments?from=2026-11-01&to=2027-02-01").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                       | date (YYYY-MM-DD) or from and to are required",
            "date=2026-13-01                          | date must be a date like 2026-11-24",
            "date=tomorrow                            | date must be a date like 2026-11-24",
            "date=24/11/2026                          | date must be a date like 2026-11-24",
            "date=2026-02-30                          | date must be a date like 2026-11-24",
            "date=                                    | date must be a date like 2026-11-24",
            "date=2026-11-24&date=2026-11-25          | date given more than once",
            "from=2026-11-24                          | from and to must be given together",
            "to=2026-11-24                            | from and to must be given together",
            "from=2026-11-26&to=2026-11-24            | to must not be before from",
            "from=2026-11-01&to=2027-02-02            | from and to may be at most 92 days apart",
            "from=2026-11-01&to=x                     | to must be a date like 2026-11-24",
            "date=2026-11-24&from=2026-11-24&to=2026-11-25 | give either date or from and to, not both"})
    void badParametersAreRefusedWithAClearMessage(String query, String message) {
        HttpResponse<String> response = server.get("/v1/appointments?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiTestServer.json(response)).isEqualTo(new JsonObject().put("error", message));
    }

    private static Appointment book(String service, LocalDateTime start, String phone, boolean emergency) {
        var fixture = server.fixture;
        BookingRequest request = new BookingRequest(null, service, fixture.at(start), phone, "Test Caller",
                "1 Test Street, Bristol", service + " job", emergency, new Actor(Channel.SMS, "test"));
        BookingResult result = fixture.scheduling().bookings().book(request);
        assertThat(result).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) result).appointment();
    }
}

package io.switchboard.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.privacy.CustomerRecords;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.privacy.PersonalDataErasure;
import io.switchboard.telephony.privacy.PersonalDataExport;
import io.switchboard.telephony.privacy.PrivacyLog;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.security.AdminToken;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/customers/{phone}} over real HTTP, behind the admin token, over an embedded PostgreSQL. */
class CustomerDataApiTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static final String RITA = "+447700900123";

    private SchedulingFixture fixture;
    private Vertx vertx;
    private ControlPlane plane;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private Appointment tomorrow;

    @BeforeEach
    void start() {
        fixture = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
        var dsl = fixture.database().dsl();
        PrivacyLog log = new PrivacyLog(dsl);
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 2), "Bristol Plumbing");
        SwitchboardApi.mount(plane, new ScriptedEngine(fixture.scheduling()), fixture.scheduling(),
                new ApiSecurity(AdminToken.of(TOKEN), WebOrigins.none(), InboundLimits.inMemory(fixture.clock())));
        plane.mount(new CustomerDataApi(new PersonalDataExport(dsl, log, fixture.clock(),
                fixture.scheduling().profile().timezone()),
                new PersonalDataErasure(dsl, new CustomerRecords(dsl, fixture.scheduling().audit()), log,
                        fixture.clock()), fixture.scheduling().phones(), plane.workers())::mount);
        base = URI.create("http://127.0.0.1:" + plane.start());
        plane.markReady();
        BookingResult booked = fixture.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                fixture.at(LocalDateTime.of(2026, 11, 24, 10, 0)), RITA, "Rita Example", "14 Gloucester Rd",
                "leaking tap", false, SchedulingFixture.TEST_ACTOR));
        tomorrow = ((BookingResult.Success) booked).appointment();
    }

    @AfterEach
    void stop() {
        plane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        fixture.close();
    }

    @Test
    void withoutTheAdminTokenNeitherExportNorEraseIsAllowedAndNothingChanges() throws Exception {
        HttpResponse<String> export = send(HttpRequest.newBuilder(base.resolve("/v1/customers/%2B447700900123/export")));
        HttpResponse<String> erase = send(HttpRequest.newBuilder(base.resolve("/v1/customers/%2B447700900123"))
                .DELETE());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(base.resolve("/v1/customers/%2B447700900123"))
                .header("Authorization", "Bearer not-the-token").DELETE());

        assertThat(export.statusCode()).isEqualTo(401);
        assertThat(export.body()).doesNotContain("Rita");
        assertThat(erase.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(fixture.count("SELECT count(*) FROM customer WHERE phone = '" + RITA + "'")).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM privacy_log")).isZero();
    }

    @Test
    void theExportIsTheNumbersDataAsJson() throws Exception {
        HttpResponse<String> response = admin("/v1/customers/%2B447700900123/export", "GET");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("phone")).isEqualTo(RITA);
        assertThat(body.getJsonObject("customer").getString("address")).isEqualTo("14 Gloucester Rd");
        assertThat(body.getJsonArray("appointments").getJsonObject(0).getString("problem")).isEqualTo("leaking tap");
        // A local number of the business's region names the same person.
        assertThat(new JsonObject(admin("/v1/customers/07700900123/export", "GET").body()).getString("phone"))
                .isEqualTo(RITA);
        assertThat(admin("/v1/customers/not-a-number/export", "GET").statusCode()).isEqualTo(400);
    }

    @Test
    void eraseRefusesWhileAJobIsStillToComeThenLeavesAStubWhenTold() throws Exception {
        HttpResponse<String> refused = admin("/v1/customers/%2B447700900123", "DELETE");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(refused.body()).getInteger("upcoming_bookings")).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM customer WHERE phone = '" + RITA + "'")).isEqualTo(1);

        HttpResponse<String> erased = admin("/v1/customers/%2B447700900123?upcoming=redact", "DELETE");

        assertThat(erased.statusCode()).isEqualTo(200);
        JsonObject report = new JsonObject(erased.body());
        assertThat(report.getInteger("bookings_redacted")).isEqualTo(1);
        assertThat(report.getBoolean("customer_removed")).isTrue();
        Appointment stub = fixture.scheduling().appointments().find(tomorrow.id()).orElseThrow();
        assertThat(stub.customer().phone()).isEqualTo(CustomerRecords.ERASED_PHONE);
        assertThat(stub.address()).isEmpty();
        // The owner's list still shows the job, without the person.
        HttpResponse<String> list = admin("/v1/appointments?date=2026-11-24", "GET");
        assertThat(list.body()).contains(tomorrow.id().toString()).doesNotContain("Rita", "Gloucester", "900123");
        assertThat(new JsonObject(admin("/v1/customers/%2B447700900123/export", "GET").body()).getBoolean("found"))
                .isFalse();
        assertThat(fixture.count("SELECT count(*) FROM privacy_log WHERE action = 'erase' AND actor = 'admin-api'"))
                .isEqualTo(1);
    }

    private HttpResponse<String> admin(String path, String method) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

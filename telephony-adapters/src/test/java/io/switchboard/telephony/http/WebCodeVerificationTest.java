package io.switchboard.telephony.http;

import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.telephony.messaging.MessagingConfig;
import io.switchboard.telephony.messaging.ProviderStub;
import io.switchboard.telephony.messaging.TextChannels;
import io.switchboard.telephony.messaging.TwilioChannelConfig;
import io.switchboard.telephony.outbound.RetryPolicy;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public web chat proves a number with a one-time code texted to it, through the real SMS client into a
 * loopback Twilio: only then may the visitor see and cancel that number's bookings, and only that number's. A new
 * customer's callback number is checked the same way before the booking is confirmed.
 */
class WebCodeVerificationTest {

    private static final String CUSTOMER = "+447700900123";
    private static final String NEIGHBOUR = "+447700900456";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final ProviderStub twilio = new ProviderStub();
    private final List<TextChannels> channels = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private ApiTestServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        channels.forEach(TextChannels::close);
        twilio.close();
    }

    @Test
    void aVisitorProvesTheirNumberByCodeAndCancelsOnlyThatNumbersBooking() {
        start(true);
        UUID mine = book(CUSTOMER, LocalDateTime.of(2026, 11, 24, 10, 0));
        UUID neighbours = book(NEIGHBOUR, LocalDateTime.of(2026, 11, 24, 14, 0));

        JsonObject asked = say("visitor-1", "I need to cancel my appointment");
        assertThat(asked.getString("reply")).as(transcript()).contains("What's the mobile number")
                .doesNotContain("10:00").doesNotContain("14:00");
        JsonObject sent = say("visitor-1", "07700 900123");
        assertThat(sent.getString("reply")).as(transcript()).contains("texted a 6-digit code to the number ending 123");
        assertThat(sent.getString("state")).isEqualTo("verifying_phone");

        ProviderStub.Sent text = twilio.awaitSent(1).getFirst();
        assertThat(text.to()).isEqualTo(CUSTOMER);
        String code = code(text.text());
        JsonObject wrong = say("visitor-1", code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.getString("reply")).as(transcript()).contains("not the code").contains("4 more tries");
        JsonObject proven = say("visitor-1", code);
        assertThat(proven.getString("reply")).as(transcript()).contains("checked").contains("10:00")
                .doesNotContain("14:00");
        JsonObject cancelled = say("visitor-1", "yes");

        assertThat(cancelled.getString("state")).as(transcript()).isEqualTo("cancelled");
        assertThat(status(mine)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(status(neighbours)).isEqualTo(AppointmentStatus.BOOKED);

        JsonObject again = say("visitor-1", "and cancel the one at 2pm too");
        assertThat(again.getString("reply")).as("the proven number has no more bookings; the neighbour's stays hidden")
                .doesNotContain("14:00");
        say("visitor-1", "yes");
        assertThat(status(neighbours)).as(transcript()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void theProvenNumberBelongsToThatSessionOnly() {
        start(true);
        UUID mine = book(CUSTOMER, LocalDateTime.of(2026, 11, 24, 10, 0));
        say("visitor-1", "cancel my booking");
        say("visitor-1", "07700 900123");
        String code = code(twilio.awaitSent(1).getFirst().text());

        // another visitor (another session) types the code that was texted for visitor-1
        say("visitor-2", "cancel my booking");
        say("visitor-2", "07700 900123");
        twilio.awaitSent(2);
        JsonObject stolen = say("visitor-2", code);
        say("visitor-2", "yes");

        assertThat(stolen.getString("reply")).as(transcript()).doesNotContain("10:00");
        assertThat(status(mine)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void withoutSmsTheVisitorIsToldPlainlyHowToChangeABookingAndPromisedNoText() {
        start(false);
        UUID mine = book(CUSTOMER, LocalDateTime.of(2026, 11, 24, 10, 0));

        JsonObject r = say("visitor-1", "I need to cancel my appointment");
        JsonObject named = say("visitor-1", "07700 900123");
        say("visitor-1", "yes");

        assertThat(r.getString("reply")).as(transcript()).contains("from the phone it was booked with")
                .doesNotContain("code").doesNotContainIgnoringCase("I'll text");
        assertThat(named.getString("reply")).doesNotContain("code").doesNotContain("10:00");
        assertThat(twilio.sent()).isEmpty();
        assertThat(status(mine)).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aNewWebCustomersCallbackNumberIsCheckedByCodeBeforeTheBookingIsConfirmed() {
        start(true);
        say("visitor-3", "Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10am?");
        say("visitor-3", "Jane Doe");
        JsonObject address = say("visitor-3", "my number is 07700 900777");
        JsonObject held = address.getString("state").equals("verifying_phone") ? address
                : say("visitor-3", "12 Park Street, Bristol BS1 5HX");

        assertThat(held.getString("state")).as(transcript()).isEqualTo("verifying_phone");
        assertThat(held.getString("reply")).contains("check that number is yours")
                .contains("number ending 777").doesNotContainIgnoringCase("shall I book");
        ProviderStub.Sent text = twilio.awaitSent(1).getFirst();
        assertThat(text.to()).isEqualTo("+447700900777");
        JsonObject yesTooSoon = say("visitor-3", "yes");
        assertThat(yesTooSoon.getString("state")).as("a yes is not a code: nothing is booked").isNotEqualTo("booked");

        JsonObject checked = say("visitor-3", code(text.text()));
        JsonObject confirm = checked.getString("state").equals("awaiting_confirmation") ? checked
                : say("visitor-3", "12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.getString("state")).as(transcript()).isEqualTo("awaiting_confirmation");
        JsonObject booked = say("visitor-3", "yes please");

        assertThat(booked.getString("state")).as(transcript()).isEqualTo("booked");
        assertThat(booked.getJsonObject("appointment").getJsonObject("customer").getString("phone"))
                .isEqualTo("+447700900777");
    }

    @Test
    void aCallbackNumberOutsideTheServedCountriesGetsNoTextAndIsAskedAgain() {
        start(true);
        say("visitor-4", "Hi, my kitchen sink is blocked, can you do a drain cleaning tomorrow at 10am?");
        say("visitor-4", "Jane Doe");
        JsonObject r = say("visitor-4", "my number is +353 85 123 4567");
        if (!r.getString("reply").contains("countries we serve")) {
            r = say("visitor-4", "12 Park Street, Bristol BS1 5HX");
        }

        assertThat(r.getString("reply")).as(transcript()).contains("countries we serve");
        assertThat(r.getJsonObject("expecting").getString("slot")).isEqualTo("phone");
        assertThat(twilio.sent()).isEmpty();
    }

    private void start(boolean sms) {
        MessagingConfig config = new MessagingConfig(sms ? Optional.of(new TwilioChannelConfig(
                "AC0123456789abcdef0123456789abcdef", "12345678901234567890123456789012", "+441174960000",
                twilio.baseUrl(), URI.create("https://switchboard.example.co.uk"), true)) : Optional.empty(),
                Optional.empty());
        server = new ApiTestServer(scheduling -> engine(scheduling, config), WebOrigins.none());
    }

    private io.switchboard.dialog.DialogEngine engine(Scheduling scheduling, MessagingConfig config) {
        TextChannels text = TextChannels.create(config, scheduling, RetryPolicy.noRetries());
        channels.add(text);
        return Receptionist.create(scheduling, new InMemorySessionStore(scheduling.clock()),
                DisabledLlmFallback.INSTANCE, text.notifier(), Receptionist.DEFAULT_SESSION_TIMEOUT,
                Metrics.disabled(), text.phoneVerifier());
    }

    private JsonObject say(String session, String text) {
        JsonObject body = new JsonObject().put("session_id", session).put("channel", "web").put("text", text);
        var response = server.postPublic("/v1/chat", body.encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject reply = ApiTestServer.json(response);
        transcript.add(session + " -> " + text + "\n   <- [" + reply.getString("state") + "] " + reply.getString("reply"));
        return reply;
    }

    private UUID book(String phone, LocalDateTime start) {
        BookingResult r = server.fixture.scheduling().bookings().book(new BookingRequest(null, "drain-cleaning",
                server.fixture.at(start), phone, "Customer " + phone.substring(phone.length() - 3),
                "1 Test Street, Bristol", "test", false, SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }

    private AppointmentStatus status(UUID id) {
        return server.fixture.scheduling().appointments().find(id).orElseThrow().status();
    }

    private static String code(String sms) {
        Matcher m = CODE.matcher(sms);
        assertThat(m.find()).as(sms).isTrue();
        return m.group(1);
    }

    private String transcript() {
        return String.join("\n", transcript);
    }
}

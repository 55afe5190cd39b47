package io.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.dialog.testing.RedisServerProcess;
import io.switchboard.telephony.messaging.ProviderStub;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged servers, as two instances behind a load balancer: one shared PostgreSQL (an embedded server started
 * here, handed to both as {@code DATABASE_URL}, empty when both start at the same moment) and one shared Redis.
 * Twilio reaches them at one public URL, so a webhook signed once is valid on either. What must hold:
 * migrations run once and neither start fails; a conversation continues on whichever instance gets the next message
 * and books; a webhook delivered to both (same {@code MessageSid}) is acted on once; the owner is alerted once; the
 * calendar outbox is relayed once.
 */
class TwoInstancesIT {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "it-auth-token";
    private static final String BUSINESS_NUMBER = "+441174960123";
    private static final String PUBLIC_URL = "https://receptionist.example.test";
    private static final String OWNER = "+447700900999"; // the bundled sample profile's owner
    private static final String ADMIN_TOKEN = "it-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static String clusterJdbcUrl;
    private static RedisServerProcess redis;
    private static ProviderStub providers;
    private static HttpServer calendar;
    private static final List<JsonNode> calendarChanges = new CopyOnWriteArrayList<>();
    private static HttpClient http;
    private static TwilioSmsWebhook twilio;
    private static ServerProcess a;
    private static ServerProcess b;

    @BeforeAll
    static void startTwoInstancesAtOnceOnAnEmptyDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE cluster");
        }
        clusterJdbcUrl = postgres.getJdbcUrl("postgres", "cluster");
        redis = RedisServerProcess.start();
        providers = new ProviderStub();
        calendar = startCalendar();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        twilio = new TwilioSmsWebhook(ACCOUNT, AUTH_TOKEN, PUBLIC_URL, BUSINESS_NUMBER, http);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SWITCHBOARD_NOW", "2026-11-23T09:00");
        env.put("DATABASE_URL", "postgres://postgres@127.0.0.1:" + postgres.getPort() + "/cluster");
        env.put("REDIS_URL", redis.url());
        env.put("SWITCHBOARD_PUBLIC_URL", PUBLIC_URL);
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("TWILIO_FROM_NUMBER", BUSINESS_NUMBER);
        env.put("TWILIO_API_BASE_URL", providers.baseUrl().toString());
        env.put("SWITCHBOARD_CALENDAR_WEBHOOK_URL",
                "http://127.0.0.1:" + calendar.getAddress().getPort() + "/calendar");
        env.put("SWITCHBOARD_ADMIN_TOKEN", ADMIN_TOKEN);
        // Each test raises an emergency of its own: the owner gets each alert on its own text, not one aggregate
        // two minutes later, so "one alert per message" is visible within the test.
        env.put("SWITCHBOARD_OWNER_ALERT_GAP", "1s");

        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            Future<ServerProcess> first = starter.submit(() -> ServerProcess.start("node-a", env));
            Future<ServerProcess> second = starter.submit(() -> ServerProcess.start("node-b", env));
            // Both outcomes first, so one that started is stopped even when the other did not.
            Started started = new Started(first, second);
            a = started.a();
            b = started.b();
            started.throwIfEitherFailed();
        } finally {
            starter.shutdownNow();
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            for (ServerProcess server : new ServerProcess[] {a, b}) {
                if (server != null) {
                    server.close();
                }
            }
        } finally {
            try {
                if (redis != null) {
                    redis.close();
                }
            } finally {
                if (providers != null) {
                    providers.close();
                }
                if (calendar != null) {
                    calendar.stop(0);
                }
                if (http != null) {
                    http.close();
                }
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    void bothStartedOnTheEmptyDatabaseAndEveryMigrationRanOnce() throws Exception {
        assertThat(a.isAlive()).isTrue();
        assertThat(b.isAlive()).isTrue();
        List<String> versions = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(clusterJdbcUrl);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, success FROM public.flyway_schema_history"
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (r.next()) {
                assertThat(r.getBoolean("success")).as("migration " + r.getString("version")).isTrue();
                versions.add(r.getString("version"));
            }
        }
        assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
        assertThat(a.log() + b.log()).doesNotContain("FlywayException").doesNotContain("already exists");
    }

    /**
     * One caller's emergency texted in, each message to the other instance than the one before: the conversation is
     * in Redis, so it carries on wherever the message lands, books, alerts the owner once and is relayed to the
     * calendar once.
     */
    @Test
    void aConversationAlternatingBetweenInstancesBooksOnceAndAlertsTheOwnerOnce() throws Exception {
        String caller = "+447700900321";
        List<String> script = List.of("Help, a burst pipe is flooding my kitchen!", "yes", "Rita Moss", "yes",
                "Flat 2, Broad Street Bristol BS1 2EP", "yes");
        List<String> transcript = new ArrayList<>();
        String last = "";
        for (int i = 0; i < script.size(); i++) {
            ServerProcess instance = i % 2 == 0 ? a : b;
            String sid = "SM%032x".formatted(0x1000L + i);
            HttpResponse<String> response = twilio.send(instance.uri("/"), sid, caller, script.get(i));
            last = TwilioSmsWebhook.messageText(response.body());
            transcript.add((i % 2 == 0 ? "A" : "B") + " <- " + script.get(i));
            transcript.add("  -> " + response.statusCode() + " " + last);
            assertThat(response.statusCode()).as(String.join("\n", transcript)).isEqualTo(200);
        }
        assertThat(last).as(String.join("\n", transcript)).containsIgnoringCase("booked");

        JsonNode appointments = appointmentsOn(a, "2026-11-23");
        JsonNode booking = null;
        for (JsonNode appointment : appointments) {
            if (appointment.toString().contains(caller)) {
                assertThat(booking).as("one booking for the caller: " + appointments).isNull();
                booking = appointment;
            }
        }
        assertThat(booking).as(appointments.toString()).isNotNull();
        assertThat(appointmentsOn(b, "2026-11-23")).isEqualTo(appointments);

        providers.awaitSent(1);
        String bookingId = booking.get("id").asText();
        awaitCalendarChange(bookingId);
        // Both relays have had several passes over the outbox by now (every 5 s): a second copy would have arrived.
        Thread.sleep(12_000);
        assertThat(alertsAbout(caller)).as("the owner is alerted once").hasSize(1);
        assertThat(calendarChanges).filteredOn(c -> c.get("appointment_id").asText().equals(bookingId))
                .as("the booking is relayed to the calendar once").hasSize(1);
    }

    /**
     * Twilio retrying onto the other instance while the first is still answering: the same signed webhook, same
     * MessageSid, delivered to both at once, is answered by both and acted on once.
     */
    @Test
    void theSameWebhookDeliveredToBothInstancesIsProcessedOnce() throws Exception {
        String caller = "+447700900654";
        String sid = "SM%032x".formatted(0x2000L);
        String text = "Sewage is coming up through the drain, please help";
        HttpRequest toA = twilio.request(a.uri("/"), sid, caller, text).build();
        HttpRequest toB = twilio.request(b.uri("/"), sid, caller, text).build();

        CompletableFuture<HttpResponse<String>> fromA = http.sendAsync(toA, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> fromB = http.sendAsync(toB, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ra = fromA.get(30, TimeUnit.SECONDS);
        HttpResponse<String> rb = fromB.get(30, TimeUnit.SECONDS);

        assertThat(ra.statusCode()).as(ra.body()).isEqualTo(200);
        assertThat(rb.statusCode()).as(rb.body()).isEqualTo(200);
        String replyA = TwilioSmsWebhook.messageText(ra.body());
        String replyB = TwilioSmsWebhook.messageText(rb.body());
        assertThat(replyA + replyB).as("at least one delivery carries the answer").isNotBlank();
        if (!replyA.isBlank() && !replyB.isBlank()) {
            assertThat(replyB).as("a duplicate gets the stored reply").isEqualTo(replyA);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (alertsAbout(caller).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3_000); // time for a second, duplicate alert to arrive if one were sent
        assertThat(alertsAbout(caller)).as("one emergency alert for one message").hasSize(1);

        // The conversation moved on once: the next message continues from the first answer, not from a replay.
        HttpResponse<String> next = twilio.send(b.uri("/"), "SM%032x".formatted(0x2001L), caller, "yes");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(TwilioSmsWebhook.messageText(next.body())).isNotBlank()
                .isNotEqualTo(replyA.isBlank() ? replyB : replyA);
    }

    private static List<ProviderStub.Sent> alertsAbout(String caller) {
        return providers.sentTo("twilio", OWNER).stream().filter(s -> s.text().contains(caller)).toList();
    }

    private static void awaitCalendarChange(String appointmentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (calendarChanges.stream().noneMatch(c -> c.get("appointment_id").asText().equals(appointmentId))) {
            assertThat(System.nanoTime()).as("the booking reached the calendar webhook").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonNode appointmentsOn(ServerProcess server, String date) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("/v1/appointments?date=" + date))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("appointments");
    }

    /** The two concurrent starts, each either a running server or why it did not start. */
    private record Started(ServerProcess a, ServerProcess b, List<Throwable> failures) {

        Started(Future<ServerProcess> first, Future<ServerProcess> second) {
            this(new ArrayList<>(), first, second);
        }

        private Started(List<Throwable> failures, Future<ServerProcess> first, Future<ServerProcess> second) {
            this(outcome(first, failures), outcome(second, failures), failures);
        }

        void throwIfEitherFailed() {
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError("both instances must start on the empty database at once: "
                        + failures.getFirst().getMessage(), failures.getFirst());
                failures.stream().skip(1).forEach(error::addSuppressed);
                throw error;
            }
        }

        private static ServerProcess outcome(Future<ServerProcess> start, List<Throwable> failures) {
            try {
                return start.get(ServerProcess.DEFAULT_READY_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            } catch (Exception e) {
                failures.add(e);
            }
            return null;
        }
    }

    private static HttpServer startCalendar() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/calendar", exchange -> {
            calendarChanges.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}

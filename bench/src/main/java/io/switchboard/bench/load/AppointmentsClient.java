package io.switchboard.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the calendar back through the server's own API: {@code GET /v1/appointments?from=...&to=...}. */
final class AppointmentsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String adminToken;

    /** @param adminToken the server's admin token: the appointments API is not public */
    AppointmentsClient(HttpClient http, URI base, String adminToken) {
        this.http = http;
        this.base = LoopbackOnly.require(base);
        this.adminToken = java.util.Objects.requireNonNull(adminToken, "adminToken");
    }

    /** Every appointment starting between {@code from} and {@code to} (inclusive, business days). */
    List<BookedAppointment> between(LocalDate from, LocalDate to) throws IOException, InterruptedException {
        URI uri = base.resolve("/v1/appointments?from=" + from + "&to=" + to);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /**
     * The business's opening hours, time zone and daily limit ({@code GET /v1/business/settings}).
     *
     * @param days      opening intervals per day ({@code "08:00-18:00"}); closed days are absent or empty
     * @param maxPerDay the most jobs the business takes on one day (no limit when the server does not say)
     */
    record Hours(java.time.ZoneId zone, java.util.Map<java.time.DayOfWeek, List<String>> days, int maxPerDay) {
    }

    Hours hours() throws IOException, InterruptedException {
        return parseHours(get("/v1/business/settings"));
    }

    /** The server's Prometheus scrape ({@code GET /metrics}, admin and loopback only). */
    String metrics() throws IOException, InterruptedException {
        return get("/metrics");
    }

    private String get(String path) throws IOException, InterruptedException {
        URI uri = base.resolve(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    static Hours parseHours(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        java.util.Map<java.time.DayOfWeek, List<String>> days = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        root.path("hours").fields().forEachRemaining(e -> {
            List<String> intervals = new ArrayList<>();
            e.getValue().forEach(v -> intervals.add(v.asText()));
            days.put(java.time.DayOfWeek.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)), intervals);
        });
        return new Hours(java.time.ZoneId.of(root.path("timezone").asText("UTC")), days,
                root.path("max_bookings_per_day").asInt(Integer.MAX_VALUE));
    }

    /** The {@code appointments} array of the API's answer. */
    static List<BookedAppointment> parse(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<BookedAppointment> out = new ArrayList<>();
        for (JsonNode a : root.path("appointments")) {
            out.add(new BookedAppointment(a.path("id").asText(), a.path("service").asText(),
                    OffsetDateTime.parse(a.path("start").asText()), OffsetDateTime.parse(a.path("end").asText()),
                    a.path("status").asText(), a.path("customer").path("name").asText(),
                    a.path("customer").path("phone").asText(), a.path("channel").asText()));
        }
        return out;
    }
}

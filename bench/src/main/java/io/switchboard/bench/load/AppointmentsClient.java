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

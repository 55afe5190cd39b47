package io.switchboard.scheduling.calendar.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Cal.com v2 endpoints Switchboard uses, over {@link HttpClient} and Jackson (Cal.com has no Java SDK). Every
 * call blocks (with connect and request timeouts): call it from a worker thread, never an event loop.
 *
 * <p>v2 has no idempotency key, so a create whose answer was lost (timeout, connection reset, 5xx) is followed by a
 * look-up of the event type's bookings at that start for our appointment id in {@code metadata} before it is
 * tried again: a lost answer never books twice.
 */
public final class CalcomApi {

    /** The metadata key that carries our appointment id on a Cal.com booking. */
    public static final String APPOINTMENT_KEY = "switchboardAppointmentId";
    static final String SLOTS_VERSION = "2024-09-04";
    static final String BOOKINGS_VERSION = "2024-08-13";
    private static final Logger LOG = LoggerFactory.getLogger(CalcomApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;

    private final HttpClient http;
    private final URI root;
    private final String apiKey;
    private final Duration backOff;

    public CalcomApi(CalcomSettings settings) {
        this(settings, Duration.ofMillis(300));
    }

    /** With the pause before a retry ({@code backOff}, doubled each time). */
    public CalcomApi(CalcomSettings settings, Duration backOff) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.root = settings.apiUrl();
        this.apiKey = settings.apiKey();
        this.backOff = backOff;
    }

    /** What Cal.com answered to a create or a reschedule. */
    public sealed interface Outcome {
        /** Booked; {@code uid} names the booking (a reschedule issues a new one). */
        record Booked(String uid) implements Outcome {
        }

        /** Refused: the slot is taken or not offered. {@code reason} is Cal.com's message, free of our data. */
        record Refused(int status, String reason) implements Outcome {
        }
    }

    /** The attendee as Cal.com wants it. */
    public record Attendee(String name, String email, String phone, ZoneId zone) {
    }

    /** The starts Cal.com offers for the event type on local days {@code [first, last]} in {@code zone}. */
    public Set<Instant> slots(long eventTypeId, LocalDate first, LocalDate last, ZoneId zone) {
        String query = "eventTypeId=" + eventTypeId + "&start=" + first + "&end=" + last + "&timeZone="
                + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8);
        JsonNode body = send(get("/v2/slots?" + query, SLOTS_VERSION), "slots", true).body;
        Set<Instant> starts = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> days = body.path("data").fields(); days.hasNext(); ) {
            for (JsonNode slot : days.next().getValue()) {
                starts.add(OffsetDateTime.parse(slot.path("start").asText()).toInstant());
            }
        }
        return starts;
    }

    /**
     * Books {@code start} for the event type with our appointment id in the metadata. A lost answer is followed by
     * a look-up by that id before the next attempt.
     */
    public Outcome create(long eventTypeId, Instant start, Attendee attendee, UUID appointmentId) {
        ObjectNode body = JSON.createObjectNode()
                .put("start", start.toString())
                .put("eventTypeId", eventTypeId);
        ObjectNode who = body.putObject("attendee")
                .put("name", attendee.name())
                .put("email", attendee.email())
                .put("timeZone", attendee.zone().getId())
                .put("language", "en");
        if (attendee.phone() != null && !attendee.phone().isBlank()) {
            who.put("phoneNumber", attendee.phone());
        }
        body.putObject("metadata").put(APPOINTMENT_KEY, appointmentId.toString());
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause(attempt);
                Optional<String> earlier = findByAppointment(eventTypeId, start, appointmentId);
                if (earlier.isPresent()) {
                    LOG.info("Cal.com booking for appointment {} found by metadata after a lost answer", appointmentId);
                    return new Outcome.Booked(earlier.get());
                }
            }
            try {
                return booked(send(post("/v2/bookings", body), "create booking", false));
            } catch (CalcomUnavailableException e) {
                last = e;
                LOG.warn("Cal.com create for appointment {} failed (attempt {} of {}): {}", appointmentId, attempt,
                        ATTEMPTS, e.getMessage());
            }
        }
        throw last;
    }

    /** Moves booking {@code uid} to {@code start}; Cal.com answers with the new booking's uid. */
    public Outcome reschedule(String uid, Instant start, String reason) {
        ObjectNode body = JSON.createObjectNode().put("start", start.toString()).put("reschedulingReason", reason);
        return booked(send(post("/v2/bookings/" + path(uid) + "/reschedule", body), "reschedule", false));
    }

    /** Cancels booking {@code uid}; a booking Cal.com no longer has, or has already cancelled, counts as done. */
    public void cancel(String uid, String reason) {
        ObjectNode body = JSON.createObjectNode().put("cancellationReason", reason);
        Reply reply = send(post("/v2/bookings/" + path(uid) + "/cancel", body), "cancel", true);
        if (reply.status / 100 != 2) {
            LOG.info("Cal.com answered {} to cancelling a booking; treated as already cancelled", reply.status);
        }
    }

    /** The uid of the live booking of the event type at {@code start} whose metadata names {@code appointmentId}. */
    public Optional<String> findByAppointment(long eventTypeId, Instant start, UUID appointmentId) {
        String query = "eventTypeId=" + eventTypeId
                + "&afterStart=" + URLEncoder.encode(start.minusSeconds(60).toString(), StandardCharsets.UTF_8)
                + "&beforeEnd=" + URLEncoder.encode(start.plus(Duration.ofDays(1)).toString(), StandardCharsets.UTF_8)
                + "&take=100";
        JsonNode body = send(get("/v2/bookings?" + query, BOOKINGS_VERSION), "find booking", true).body;
        for (JsonNode b : body.path("data")) {
            boolean ours = appointmentId.toString().equals(b.path("metadata").path(APPOINTMENT_KEY).asText());
            String status = b.path("status").asText("");
            if (ours && !"cancelled".equalsIgnoreCase(status) && !"rejected".equalsIgnoreCase(status)) {
                return Optional.of(b.path("uid").asText());
            }
        }
        return Optional.empty();
    }

    private Outcome booked(Reply reply) {
        if (reply.status / 100 == 2) {
            String uid = reply.body.path("data").path("uid").asText("");
            if (uid.isEmpty()) {
                throw new CalcomUnavailableException("Cal.com answered without a booking uid", null);
            }
            return new Outcome.Booked(uid);
        }
        return new Outcome.Refused(reply.status, reply.body.path("error").path("message").asText("refused"));
    }

    private HttpRequest.Builder get(String pathAndQuery, String version) {
        return request(pathAndQuery, version).GET();
    }

    private HttpRequest.Builder post(String path, ObjectNode body) {
        return request(path, BOOKINGS_VERSION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private HttpRequest.Builder request(String pathAndQuery, String version) {
        return HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("cal-api-version", version)
                .header("Accept", "application/json");
    }

    /**
     * Sends once, or up to {@link #ATTEMPTS} times when {@code retry} (reads and cancels, which are safe to
     * repeat). 4xx other than 401, 403 and 429 come back as a reply; the rest is a {@link CalcomUnavailableException}.
     */
    private Reply send(HttpRequest.Builder request, String what, boolean retry) {
        HttpRequest built = request.build();
        CalcomUnavailableException last = null;
        for (int attempt = 1; attempt <= (retry ? ATTEMPTS : 1); attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            try {
                HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 401 || status == 403) {
                    throw new CalcomUnavailableException("Cal.com refused the API key (HTTP " + status + ") on "
                            + what + "; check " + CalcomSettings.API_KEY, null);
                }
                if (status == 429 || status / 100 == 5) {
                    last = new CalcomUnavailableException("Cal.com answered HTTP " + status + " to " + what, null);
                    continue;
                }
                return new Reply(status, parse(response.body(), what));
            } catch (IOException e) {
                last = new CalcomUnavailableException("Cal.com not reachable for " + what + " ("
                        + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalcomUnavailableException("interrupted during " + what, e);
            }
        }
        throw last;
    }

    private static JsonNode parse(byte[] body, String what) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CalcomUnavailableException("Cal.com answered " + what + " with something that is not JSON", e);
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backOff.multipliedBy(1L << (attempt - 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalcomUnavailableException("interrupted while waiting to retry", e);
        }
    }

    private static String path(String uid) {
        return URLEncoder.encode(uid, StandardCharsets.UTF_8);
    }

    private record Reply(int status, JsonNode body) {
    }
}

package io.switchboard.scheduling.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the Cal.com v2 endpoints Switchboard uses: {@code GET /v2/slots}, {@code GET/POST
 * /v2/bookings}, {@code POST /v2/bookings/{uid}/reschedule} and {@code /cancel}. Each event type offers the starts
 * given to {@link #offer}; an accepted booking takes its start off the offer, and a create at a start not offered is
 * refused with 400 as Cal.com does. Requests need the Bearer key and a {@code cal-api-version} header.
 * {@link #loseNextCreateAnswers(int)} books but answers 504, as a proxy that lost Cal.com's answer would.
 */
public final class FakeCalcom implements AutoCloseable {

    public static final String API_KEY = "cal_test_key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<Long, Set<Instant>> offered = new HashMap<>();
    private final Map<String, ObjectNode> bookings = new LinkedHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger loseCreates = new AtomicInteger();
    private final AtomicInteger uids = new AtomicInteger();

    public FakeCalcom() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v2/", this::guarded);
        server.start();
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Event type {@code eventTypeId} offers {@code start}. */
    public synchronized FakeCalcom offer(long eventTypeId, Instant... starts) {
        offered.computeIfAbsent(eventTypeId, k -> new TreeSet<>()).addAll(List.of(starts));
        return this;
    }

    /** The next {@code n} creates book but answer 504. */
    public void loseNextCreateAnswers(int n) {
        loseCreates.set(n);
    }

    /** Someone books {@code start} directly in Cal.com. */
    public synchronized String bookElsewhere(long eventTypeId, Instant start) {
        return book(eventTypeId, start, JSON.createObjectNode(), JSON.createObjectNode()).path("uid").asText();
    }

    /** The owner cancels booking {@code uid} in Cal.com's own screens. */
    public synchronized void cancelInCalcom(String uid) {
        bookings.get(uid).put("status", "cancelled");
    }

    /** The owner moves booking {@code uid} to {@code start} in Cal.com; returns the new booking's uid. */
    public synchronized String rescheduleInCalcom(String uid, Instant start) {
        ObjectNode old = bookings.get(uid);
        old.put("status", "cancelled").put("rescheduled", true);
        return book(old.path("eventTypeId").asLong(), start, (ObjectNode) old.path("attendee"),
                (ObjectNode) old.path("metadata")).path("uid").asText();
    }

    public synchronized List<ObjectNode> bookings() {
        return bookings.values().stream().map(ObjectNode::deepCopy).toList();
    }

    public synchronized List<ObjectNode> accepted() {
        return bookings.values().stream().filter(b -> "accepted".equals(b.path("status").asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    /** Method and path of each request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void guarded(HttpExchange x) {
        try (x) {
            requests.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
            if (!("Bearer " + API_KEY).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 401, error("Invalid API key"));
                return;
            }
            if (x.getRequestHeaders().getFirst("cal-api-version") == null) {
                send(x, 400, error("cal-api-version header missing"));
                return;
            }
            route(x);
        } catch (IOException | RuntimeException e) {
            try {
                send(x, 500, error(e.toString()));
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    private void route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        if ("GET".equals(method) && path.equals("/v2/slots")) {
            send(x, 200, slots(Long.parseLong(q.get("eventTypeId")), LocalDate.parse(q.get("start")),
                    LocalDate.parse(q.get("end")), ZoneId.of(q.get("timeZone"))));
        } else if ("GET".equals(method) && path.equals("/v2/bookings")) {
            send(x, 200, list(q));
        } else if ("POST".equals(method) && path.equals("/v2/bookings")) {
            create(x, JSON.readTree(x.getRequestBody()));
        } else if ("POST".equals(method) && path.startsWith("/v2/bookings/") && path.endsWith("/reschedule")) {
            reschedule(x, path.substring("/v2/bookings/".length(), path.length() - "/reschedule".length()),
                    JSON.readTree(x.getRequestBody()));
        } else if ("POST".equals(method) && path.startsWith("/v2/bookings/") && path.endsWith("/cancel")) {
            cancel(x, path.substring("/v2/bookings/".length(), path.length() - "/cancel".length()));
        } else {
            send(x, 404, error("no route " + method + " " + path));
        }
    }

    private synchronized ObjectNode slots(long eventType, LocalDate first, LocalDate last, ZoneId zone) {
        ObjectNode data = JSON.createObjectNode();
        for (Instant s : offered.getOrDefault(eventType, Set.of())) {
            LocalDate day = s.atZone(zone).toLocalDate();
            if (!day.isBefore(first) && !day.isAfter(last) && !taken(eventType, s)) {
                ArrayNode list = data.has(day.toString()) ? (ArrayNode) data.get(day.toString()) : data.putArray(day.toString());
                list.addObject().put("start", s.atZone(zone).toOffsetDateTime().toString());
            }
        }
        ObjectNode body = JSON.createObjectNode().put("status", "success");
        body.set("data", data);
        return body;
    }

    private synchronized ObjectNode list(Map<String, String> q) {
        long eventType = Long.parseLong(q.get("eventTypeId"));
        Instant after = Instant.parse(q.get("afterStart"));
        Instant before = Instant.parse(q.get("beforeEnd"));
        ArrayNode data = JSON.createArrayNode();
        for (ObjectNode b : bookings.values()) {
            Instant start = Instant.parse(b.path("start").asText());
            if (b.path("eventTypeId").asLong() == eventType && !start.isBefore(after) && start.isBefore(before)) {
                data.add(b.deepCopy());
            }
        }
        ObjectNode body = JSON.createObjectNode().put("status", "success");
        body.set("data", data);
        return body;
    }

    private void create(HttpExchange x, JsonNode req) throws IOException {
        long eventType = req.path("eventTypeId").asLong();
        Instant start = Instant.parse(req.path("start").asText());
        if (req.path("attendee").path("email").asText("").isEmpty() || req.path("attendee").path("name").asText("").isEmpty()) {
            send(x, 400, error("attendee name and email are required"));
            return;
        }
        ObjectNode made;
        synchronized (this) {
            if (!bookable(eventType, start)) {
                send(x, 400, error("User either already has booking at this time or is not available"));
                return;
            }
            made = book(eventType, start, (ObjectNode) req.path("attendee"), (ObjectNode) req.path("metadata"));
        }
        if (loseCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(x, 504, error("upstream timed out"));
            return;
        }
        send(x, 201, success(made));
    }

    private void reschedule(HttpExchange x, String uid, JsonNode req) throws IOException {
        Instant start = Instant.parse(req.path("start").asText());
        synchronized (this) {
            ObjectNode old = bookings.get(uid);
            if (old == null || !"accepted".equals(old.path("status").asText())) {
                send(x, 404, error("booking not found"));
                return;
            }
            long eventType = old.path("eventTypeId").asLong();
            old.put("status", "cancelled");
            if (!bookable(eventType, start)) {
                old.put("status", "accepted");
                send(x, 400, error("User either already has booking at this time or is not available"));
                return;
            }
            old.put("rescheduled", true);
            ObjectNode made = book(eventType, start, (ObjectNode) old.path("attendee"), (ObjectNode) old.path("metadata"));
            made.put("rescheduledFromUid", uid);
            send(x, 201, success(made));
        }
    }

    private synchronized void cancel(HttpExchange x, String uid) throws IOException {
        ObjectNode b = bookings.get(uid);
        if (b == null) {
            send(x, 404, error("booking not found"));
            return;
        }
        if (!"accepted".equals(b.path("status").asText())) {
            send(x, 400, error("This booking has already been cancelled"));
            return;
        }
        b.put("status", "cancelled");
        send(x, 200, success(b));
    }

    private boolean bookable(long eventType, Instant start) {
        return offered.getOrDefault(eventType, Set.of()).contains(start) && !taken(eventType, start);
    }

    private boolean taken(long eventType, Instant start) {
        return bookings.values().stream().anyMatch(b -> b.path("eventTypeId").asLong() == eventType
                && "accepted".equals(b.path("status").asText()) && Instant.parse(b.path("start").asText()).equals(start));
    }

    private ObjectNode book(long eventType, Instant start, ObjectNode attendee, ObjectNode metadata) {
        String uid = "cal-" + uids.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode b = JSON.createObjectNode()
                .put("id", uids.get())
                .put("uid", uid)
                .put("eventTypeId", eventType)
                .put("start", start.toString())
                .put("status", "accepted");
        b.putArray("attendees").add(attendee.deepCopy());
        b.set("attendee", attendee.deepCopy());
        b.set("metadata", metadata.deepCopy());
        bookings.put(uid, b);
        return b;
    }

    private static ObjectNode success(ObjectNode data) {
        ObjectNode body = JSON.createObjectNode().put("status", "success");
        body.set("data", data.deepCopy());
        return body;
    }

    private static ObjectNode error(String message) {
        ObjectNode body = JSON.createObjectNode().put("status", "error");
        body.putObject("error").put("code", "BadRequestException").put("message", message);
        return body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }


    @Override
    public void close() {
        server.stop(0);
    }
}

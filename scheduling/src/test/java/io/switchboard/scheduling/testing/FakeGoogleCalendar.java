package io.switchboard.scheduling.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A loopback stand-in for Google: the OAuth token endpoint (service-account JWT grant) and the Calendar v3 events
 * endpoints Switchboard uses — insert, update, delete, list with paging and sync tokens (a token names the change
 * sequence it was issued at; {@link #expireSyncTokens()} makes every issued token answer 410 Gone). Deleted events
 * stay as {@code status: cancelled}, so an insert of a deleted id is a 409 as on Google. {@link #outage(int)} makes
 * the next calendar requests answer 503. Watch channels ({@code events/watch}, {@code channels/stop}) get a
 * "sync" notification when opened and an "exists" notification after every change, posted to their address. The
 * token endpoint also takes OAuth refresh-token grants ({@link #writeOAuthClientFile}).
 */
public final class FakeGoogleCalendar implements AutoCloseable {

    public static final String CLIENT_EMAIL = "switchboard@test-project.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS_TOKEN = "ya29.fake-access-token";

    private final HttpServer server;
    private final String calendarId;
    /** Event id to its current resource (including cancelled ones), in insertion order. */
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private final Map<String, List<ObjectNode>> pages = new HashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private long sequence;
    private long tokensValidFrom;
    private int pageSize = 250;
    private boolean refuseTokens;
    /** Open watch channels: id to {address, token, resourceId, expiration}. */
    private final Map<String, ObjectNode> channels = new LinkedHashMap<>();
    private final List<String> stoppedChannels = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ExecutorService notifier = java.util.concurrent.Executors.newSingleThreadExecutor();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private final List<Integer> notificationAnswers = new CopyOnWriteArrayList<>();
    private java.time.Duration maxChannelTtl = java.time.Duration.ofDays(7);
    private boolean revokedRefreshToken;

    public FakeGoogleCalendar(String calendarId) {
        this.calendarId = calendarId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", x -> guarded(x, this::token));
        server.createContext("/calendar/v3/calendars/", x -> guarded(x, this::calendar));
        server.createContext("/calendar/v3/channels/stop", x -> guarded(x, this::stopChannel));
        server.start();
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Writes a service-account key whose token_uri is this server; its private key is made here. */
    public Path writeServiceAccountKey(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            pair = gen.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode key = JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", "test-project")
                .put("private_key_id", "0123456789abcdef")
                .put("private_key", pem)
                .put("client_email", CLIENT_EMAIL)
                .put("client_id", "1234567890")
                .put("token_uri", apiUrl() + "token");
        Path file = dir.resolve("service-account.json");
        Files.writeString(file, key.toString());
        return file;
    }

    public static final String OAUTH_CLIENT_ID = "1234-abc.apps.googleusercontent.com";
    public static final String OAUTH_CLIENT_SECRET = "GOCSPX-fake-secret";
    public static final String REFRESH_TOKEN = "1//fake-refresh-token";

    /**
     * Writes an OAuth client file as the Cloud console downloads it ({@code installed}) with the refresh token
     * added, its token_uri this server.
     */
    public Path writeOAuthClientFile(Path dir) throws IOException {
        ObjectNode file = JSON.createObjectNode();
        file.putObject("installed").put("client_id", OAUTH_CLIENT_ID).put("client_secret", OAUTH_CLIENT_SECRET)
                .put("token_uri", apiUrl() + "token").put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        file.put("refresh_token", REFRESH_TOKEN);
        Path out = dir.resolve("oauth-client.json");
        Files.writeString(out, file.toString());
        return out;
    }

    /** The owner revoked Switchboard's access: the refresh token answers invalid_grant from now on. */
    public synchronized void revokeRefreshToken() {
        revokedRefreshToken = true;
    }

    // ---- what the owner does in their calendar ----

    /** The owner drags one of the events to another time (same length). */
    public synchronized void ownerMoves(String id, Instant newStart) {
        ObjectNode e = events.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no event " + id);
        }
        Instant start = Instant.parse(e.path("start").path("dateTime").asText());
        Instant end = Instant.parse(e.path("end").path("dateTime").asText());
        ((ObjectNode) e.path("start")).put("dateTime", newStart.toString());
        ((ObjectNode) e.path("end")).put("dateTime", newStart.plus(java.time.Duration.between(start, end)).toString());
        store(id, e);
    }

    public synchronized void ownerAdds(String id, Instant start, Instant end, boolean transparent) {
        ObjectNode e = JSON.createObjectNode().put("id", id).put("status", "confirmed").put("summary", "Dentist");
        e.putObject("start").put("dateTime", start.toString());
        e.putObject("end").put("dateTime", end.toString());
        if (transparent) {
            e.put("transparency", "transparent");
        }
        store(id, e);
    }

    public synchronized void ownerAddsAllDay(String id, LocalDate day) {
        ObjectNode e = JSON.createObjectNode().put("id", id).put("status", "confirmed").put("summary", "School play");
        e.putObject("start").put("date", day.toString());
        e.putObject("end").put("date", day.plusDays(1).toString());
        store(id, e);
    }

    /** A weekly series of {@code count} occurrences; Google expands it through the instances endpoint. */
    public synchronized void ownerAddsWeekly(String id, Instant firstStart, Instant firstEnd, int count) {
        ObjectNode e = JSON.createObjectNode().put("id", id).put("status", "confirmed").put("summary", "School run");
        e.putObject("start").put("dateTime", firstStart.toString()).put("timeZone", "Europe/London");
        e.putObject("end").put("dateTime", firstEnd.toString()).put("timeZone", "Europe/London");
        e.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=" + count);
        store(id, e);
    }

    /** Deletes one occurrence of a series: an exception event that the incremental listing reports. */
    public synchronized void ownerDeletesOccurrence(String seriesId, int index) {
        ObjectNode occurrence = occurrences(events.get(seriesId)).get(index);
        ObjectNode exception = occurrence.put("status", "cancelled");
        store(exception.path("id").asText(), exception);
    }

    public synchronized void ownerDeletes(String id) {
        ObjectNode e = events.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no event " + id);
        }
        e.put("status", "cancelled");
        store(id, e);
    }

    // ---- controls and observations ----

    /** The next {@code requests} calendar requests answer 503. */
    public void outage(int requests) {
        failNext.set(requests);
    }

    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    /** Every sync token issued so far answers 410 Gone from now on. */
    public synchronized void expireSyncTokens() {
        tokensValidFrom = sequence + 1;
    }

    /** The longest a watch channel is granted (Google grants at most a week for events). */
    public synchronized void maxChannelTtl(java.time.Duration ttl) {
        maxChannelTtl = ttl;
    }

    /** Open channels' ids, oldest first. */
    public synchronized List<String> openChannels() {
        return List.copyOf(channels.keySet());
    }

    public List<String> stoppedChannels() {
        return List.copyOf(stoppedChannels);
    }

    /** The HTTP status of every notification posted, in order. */
    public List<Integer> notificationAnswers() {
        return List.copyOf(notificationAnswers);
    }

    public synchronized void refuseTokens() {
        refuseTokens = true;
    }

    public synchronized ObjectNode event(String id) {
        ObjectNode e = events.get(id);
        return e == null ? null : e.deepCopy();
    }

    /** Events not cancelled. */
    public synchronized List<ObjectNode> liveEvents() {
        return events.values().stream().filter(e -> !"cancelled".equals(e.path("status").asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    /** "METHOD path?query" of every calendar request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    // ---- HTTP ----

    private void token(HttpExchange x) throws IOException {
        InputStream raw = "gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(x.getRequestBody()) : x.getRequestBody();
        String form = new String(raw.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = query(form);
        synchronized (this) {
            if (refuseTokens) {
                send(x, 400, JSON.createObjectNode().put("error", "invalid_grant")
                        .put("error_description", "Invalid JWT Signature."));
                return;
            }
        }
        if ("refresh_token".equals(params.get("grant_type"))) {
            boolean ok;
            synchronized (this) {
                ok = !revokedRefreshToken && REFRESH_TOKEN.equals(params.get("refresh_token"))
                        && OAUTH_CLIENT_ID.equals(params.get("client_id"))
                        && OAUTH_CLIENT_SECRET.equals(params.get("client_secret"));
            }
            if (!ok) {
                send(x, 400, JSON.createObjectNode().put("error", "invalid_grant")
                        .put("error_description", "Token has been expired or revoked."));
                return;
            }
            tokensIssued.incrementAndGet();
            send(x, 200, JSON.createObjectNode().put("access_token", ACCESS_TOKEN).put("expires_in", 3600)
                    .put("token_type", "Bearer"));
            return;
        }
        String assertion = params.getOrDefault("assertion", "");
        String[] parts = assertion.split("\\.");
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(params.get("grant_type")) || parts.length != 3) {
            send(x, 400, JSON.createObjectNode().put("error", "invalid_request"));
            return;
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        if (!CLIENT_EMAIL.equals(claims.path("iss").asText())
                || !claims.path("scope").asText().contains("https://www.googleapis.com/auth/calendar")) {
            send(x, 400, JSON.createObjectNode().put("error", "invalid_grant"));
            return;
        }
        tokensIssued.incrementAndGet();
        send(x, 200, JSON.createObjectNode().put("access_token", ACCESS_TOKEN).put("expires_in", 3600)
                .put("token_type", "Bearer"));
    }

    private void calendar(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String method = x.getRequestMethod();
        requests.add(method + " " + path + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery()));
        boolean revoked;
        synchronized (this) {
            revoked = revokedRefreshToken; // the access tokens issued for it die with it
        }
        if (revoked || !("Bearer " + ACCESS_TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            error(x, 401, "Invalid Credentials", "authError");
            return;
        }
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            error(x, 503, "Backend Error", "backendError");
            return;
        }
        String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
        String prefix = "/calendar/v3/calendars/" + calendarId + "/events";
        if (!decoded.startsWith(prefix)) {
            error(x, 404, "Not Found", "notFound");
            return;
        }
        String rest = decoded.substring(prefix.length());
        synchronized (this) {
            if (rest.isEmpty() && method.equals("GET")) {
                list(x);
            } else if (rest.isEmpty() && method.equals("POST")) {
                insert(x);
            } else if (rest.equals("/watch") && method.equals("POST")) {
                watch(x);
            } else if (rest.endsWith("/instances") && method.equals("GET")) {
                instances(x, rest.substring(1, rest.length() - "/instances".length()));
            } else if (rest.startsWith("/")) {
                String id = rest.substring(1);
                switch (method) {
                    case "PUT" -> update(x, id);
                    case "DELETE" -> delete(x, id);
                    case "GET" -> get(x, id);
                    default -> error(x, 405, "Method Not Allowed", "notAllowed");
                }
            } else {
                error(x, 404, "Not Found", "notFound");
            }
        }
    }

    /** A handler's bug answers 500 and is printed, instead of a silently dropped connection. */
    private static void guarded(HttpExchange x, Handler h) throws IOException {
        try {
            h.handle(x);
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            error(x, 500, "fake failed: " + e, "internal");
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange x) throws IOException;
    }

    /** The client gzips request bodies, as it does against Google. */
    private static ObjectNode body(HttpExchange x) throws IOException {
        InputStream in = x.getRequestBody();
        if ("gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return (ObjectNode) JSON.readTree(in);
    }

    private void insert(HttpExchange x) throws IOException {
        ObjectNode e = body(x);
        String id = e.path("id").asText();
        if (id.isEmpty()) {
            id = "owner" + sequence;
            e.put("id", id);
        }
        if (events.containsKey(id)) {
            error(x, 409, "The requested identifier already exists.", "duplicate");
            return;
        }
        store(id, e);
        send(x, 200, e);
    }

    private void update(HttpExchange x, String id) throws IOException {
        if (!events.containsKey(id)) {
            error(x, 404, "Not Found", "notFound");
            return;
        }
        ObjectNode e = body(x);
        e.put("id", id);
        if (!e.has("status")) {
            e.put("status", "confirmed");
        }
        store(id, e);
        send(x, 200, e);
    }

    private void delete(HttpExchange x, String id) throws IOException {
        ObjectNode e = events.get(id);
        if (e == null) {
            error(x, 404, "Not Found", "notFound");
            return;
        }
        if ("cancelled".equals(e.path("status").asText())) {
            error(x, 410, "Resource has been deleted", "deleted");
            return;
        }
        e.put("status", "cancelled");
        store(id, e);
        x.sendResponseHeaders(204, -1);
        x.close();
    }

    private void watch(HttpExchange x) throws IOException {
        ObjectNode req = body(x);
        String id = req.path("id").asText();
        if (id.isEmpty() || !"web_hook".equals(req.path("type").asText()) || req.path("address").asText().isEmpty()) {
            error(x, 400, "Invalid channel", "invalid");
            return;
        }
        long max = Instant.now().plus(maxChannelTtl).toEpochMilli();
        long expiration = req.has("expiration") ? Math.min(req.path("expiration").asLong(), max) : max;
        ObjectNode channel = JSON.createObjectNode().put("kind", "api#channel").put("id", id)
                .put("resourceId", "res-" + calendarId.hashCode()).put("resourceUri", "events")
                .put("expiration", String.valueOf(expiration));
        ObjectNode stored = channel.deepCopy().put("address", req.path("address").asText())
                .put("token", req.path("token").asText());
        channels.put(id, stored);
        send(x, 200, channel);
        notify(stored, "sync");
    }

    private void stopChannel(HttpExchange x) throws IOException {
        ObjectNode req = body(x);
        synchronized (this) {
            if (channels.remove(req.path("id").asText()) == null) {
                error(x, 404, "Channel not found", "notFound");
                return;
            }
        }
        stoppedChannels.add(req.path("id").asText());
        x.sendResponseHeaders(204, -1);
        x.close();
    }

    /** Posts a change notification to a channel's address, as Google does (no body; the headers say it all). */
    private void notify(ObjectNode channel, String state) {
        String address = channel.path("address").asText();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(address))
                .header("X-Goog-Channel-ID", channel.path("id").asText())
                .header("X-Goog-Channel-Token", channel.path("token").asText())
                .header("X-Goog-Resource-ID", channel.path("resourceId").asText())
                .header("X-Goog-Resource-State", state)
                .header("X-Goog-Message-Number", String.valueOf(sequence))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        notifier.execute(() -> {
            try {
                notificationAnswers.add(http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            } catch (IOException e) {
                notificationAnswers.add(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void get(HttpExchange x, String id) throws IOException {
        ObjectNode e = events.get(id);
        if (e == null) {
            error(x, 404, "Not Found", "notFound");
            return;
        }
        send(x, 200, e);
    }

    private void list(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        String pageToken = q.get("pageToken");
        List<ObjectNode> matching;
        if (pageToken != null) {
            matching = pages.remove(pageToken);
            if (matching == null) {
                error(x, 400, "Invalid page token", "invalid");
                return;
            }
        } else if (q.containsKey("syncToken")) {
            if (q.containsKey("timeMin") || q.containsKey("timeMax")) {
                error(x, 400, "timeMin/timeMax cannot be used with syncToken", "invalid");
                return;
            }
            long since = Long.parseLong(q.get("syncToken").substring(1));
            if (since < tokensValidFrom) {
                error(x, 410, "Sync token is no longer valid, a full sync is required.", "fullSyncRequired");
                return;
            }
            matching = new ArrayList<>();
            for (ObjectNode e : events.values()) {
                if (changedAt.get(e.path("id").asText()) > since) {
                    matching.add(e.deepCopy());
                }
            }
        } else {
            matching = new ArrayList<>(liveEvents());
        }
        int size = Math.min(pageSize, Integer.parseInt(q.getOrDefault("maxResults", "250")));
        ObjectNode body = JSON.createObjectNode().put("kind", "calendar#events");
        ArrayNode items = body.putArray("items");
        matching.stream().limit(size).forEach(items::add);
        if (matching.size() > size) {
            String next = "page" + sequence + "-" + pages.size() + "-" + System.nanoTime();
            pages.put(next, new ArrayList<>(matching.subList(size, matching.size())));
            body.put("nextPageToken", next);
        } else {
            body.put("nextSyncToken", "s" + sequence);
        }
        send(x, 200, body);
    }

    private void instances(HttpExchange x, String seriesId) throws IOException {
        ObjectNode series = events.get(seriesId);
        if (series == null || !series.has("recurrence")) {
            error(x, 404, "Not Found", "notFound");
            return;
        }
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        Instant min = q.containsKey("timeMin") ? java.time.OffsetDateTime.parse(q.get("timeMin")).toInstant() : Instant.MIN;
        Instant max = q.containsKey("timeMax") ? java.time.OffsetDateTime.parse(q.get("timeMax")).toInstant() : Instant.MAX;
        ObjectNode body = JSON.createObjectNode().put("kind", "calendar#events");
        ArrayNode items = body.putArray("items");
        for (ObjectNode o : occurrences(series)) {
            ObjectNode exception = events.get(o.path("id").asText());
            Instant start = Instant.parse(o.path("start").path("dateTime").asText());
            Instant end = Instant.parse(o.path("end").path("dateTime").asText());
            boolean deleted = exception != null && "cancelled".equals(exception.path("status").asText());
            if (!deleted && end.isAfter(min) && start.isBefore(max)) {
                items.add(o);
            }
        }
        send(x, 200, body);
    }

    /** A weekly series' occurrences, each with Google's instance id shape and the series id. */
    private static List<ObjectNode> occurrences(ObjectNode series) {
        int count = Integer.parseInt(series.path("recurrence").path(0).asText().replaceAll(".*COUNT=", ""));
        Instant start = Instant.parse(series.path("start").path("dateTime").asText());
        Instant end = Instant.parse(series.path("end").path("dateTime").asText());
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant s = start.plus(java.time.Duration.ofDays(7L * i));
            Instant e = end.plus(java.time.Duration.ofDays(7L * i));
            String id = series.path("id").asText() + "_" + s.toString().replaceAll("[-:]", "").replace(".000", "");
            ObjectNode o = JSON.createObjectNode().put("id", id).put("status", "confirmed")
                    .put("recurringEventId", series.path("id").asText()).put("summary", series.path("summary").asText());
            o.putObject("start").put("dateTime", s.toString());
            o.putObject("end").put("dateTime", e.toString());
            out.add(o);
        }
        return out;
    }

    private void store(String id, ObjectNode e) {
        sequence++;
        e.put("updated", Instant.now().toString());
        events.put(id, e);
        changedAt.put(id, sequence);
        channels.values().forEach(c -> notify(c, "exists"));
    }

    private static void error(HttpExchange x, int status, String message, String reason) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("domain", "global").put("reason", reason).put("message", message);
        send(x, status, body);
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        notifier.shutdownNow();
        server.stop(0);
    }
}

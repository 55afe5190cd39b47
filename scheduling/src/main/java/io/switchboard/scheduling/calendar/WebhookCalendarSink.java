package io.switchboard.scheduling.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Mirrors calendar changes to an HTTP endpoint the owner runs (an automation tool or a calendar bridge):
 * {@code POST} of {@code {"id","appointment_id","change","appointment":{...}}} with an {@code Idempotency-Key} of
 * the change id, and, when a secret is set, {@code X-Switchboard-Signature: sha256=<hex HMAC of the body>}. Any
 * status other than 2xx is a failure, retried by the relay.
 */
public final class WebhookCalendarSink implements CalendarSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Optional<String> secret;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @throws IllegalArgumentException when the URL is not absolute http(s), or is plain http to a host that is not
     *                                  loopback (the body carries customers' names and numbers)
     */
    public WebhookCalendarSink(URI url, Optional<String> secret, Duration timeout) {
        this.url = requireSafe(Objects.requireNonNull(url, "url"));
        this.secret = secret.filter(s -> !s.isBlank());
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void push(CalendarChange change) throws IOException, InterruptedException {
        byte[] body = body(change);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "calendar-change-" + change.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        secret.ifPresent(s -> request.header("X-Switchboard-Signature", "sha256=" + hmac(s, body)));
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("calendar webhook answered HTTP " + response.statusCode());
        }
    }

    static byte[] body(CalendarChange change) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("id", change.id())
                .put("appointment_id", change.appointmentId().toString())
                .put("change", change.kind());
        node.set("appointment", JSON.readTree(change.payload()));
        return JSON.writeValueAsBytes(node);
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static URI requireSafe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("must be an absolute https:// URL");
        }
        if (scheme.equals("http") && !loopback(url.getHost())) {
            throw new IllegalArgumentException("must use https:// (plain http only to a loopback address)");
        }
        return url;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are checked: no DNS lookup for a configured name at start-up.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

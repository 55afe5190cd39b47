package io.switchboard.telephony.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages API and the Graph API's messages endpoint on 127.0.0.1: every message the real clients send is
 * recorded and accepted with a fresh id. Published in the test-jar: the packaged-server test points the real
 * server at it.
 */
public final class ProviderStub implements AutoCloseable {

    /** One message as the provider received it. {@code to} is E.164 for both providers. */
    public record Sent(String provider, String to, String text, String authorization) {
    }

    /** One call update ({@code POST .../Calls/{CallSid}.json}) as Twilio received it: the live transfer. */
    public record CallUpdate(String path, String callSid, String twiml, String authorization) {
    }

    private static final java.util.regex.Pattern CALL_PATH =
            java.util.regex.Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/([^/]+)\\.json");
    private final List<CallUpdate> callUpdates = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MS = 15_000;

    private final HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int failureStatus = 503;

    public ProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String answer;
            int status = 200;
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = failureStatus;
                answer = "{\"code\": 20500, \"message\": \"stub failure\", \"status\": " + status + "}";
                refused.incrementAndGet();
            } else if (path.endsWith("/Messages.json")) {
                Map<String, String> form = form(body);
                String sid = "SM%032d".formatted(ids.incrementAndGet());
                sent.add(new Sent("twilio", form.get("To"), form.get("Body"), auth));
                status = 201;
                answer = """
                        {"account_sid": "%s", "api_version": "2010-04-01", "body": "ok",
                         "date_created": "Mon, 23 Nov 2026 09:00:00 +0000", "date_sent": null,
                         "date_updated": "Mon, 23 Nov 2026 09:00:00 +0000", "direction": "outbound-api",
                         "error_code": null, "error_message": null, "from": "%s", "num_media": "0",
                         "num_segments": "1", "price": null, "price_unit": null, "messaging_service_sid": null,
                         "sid": "%s", "status": "queued", "subresource_uris": {}, "to": "%s", "uri": "/x.json"}"""
                        .formatted(accountOf(path), form.get("From"), sid, form.get("To"));
            } else if (CALL_PATH.matcher(path).matches()) {
                java.util.regex.Matcher m = CALL_PATH.matcher(path);
                m.matches();
                callUpdates.add(new CallUpdate(path, m.group(2), form(body).get("Twiml"), auth));
                answer = """
                        {"sid": "%s", "account_sid": "%s", "status": "in-progress", "api_version": "2010-04-01",
                         "uri": "/x.json"}""".formatted(m.group(2), m.group(1));
            } else if (path.endsWith("/messages")) {
                JsonNode json = JSON.readTree(body);
                String id = "wamid.stub" + ids.incrementAndGet();
                sent.add(new Sent("whatsapp", "+" + json.path("to").asText(), json.path("text").path("body").asText(),
                        auth));
                answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"" + id + "\"}]}";
            } else {
                status = 404;
                answer = "{}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    /** The next {@code count} requests (either provider) are answered with HTTP {@code status} and not recorded. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** Requests answered with a failure by {@link #failNext}. */
    public int refusedCount() {
        return refused.get();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(String provider, String to) {
        return sent.stream().filter(s -> s.provider().equals(provider) && s.to().equals(to)).toList();
    }

    /** Waits (generously; sends are asynchronous) until {@code count} messages have arrived, and returns them all. */
    public List<Sent> awaitSent(int count) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (sent.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + count + " outbound messages, got " + sent);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        return sent();
    }

    public List<CallUpdate> callUpdates() {
        return List.copyOf(callUpdates);
    }

    /** {@code .../Accounts/AC.../Messages.json}: the account the client sent for. */
    private static String accountOf(String path) {
        String[] parts = path.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

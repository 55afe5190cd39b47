package io.switchboard.telephony.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stand-in for Slack's Web API: answers {@code auth.test} (Bolt's single-team authorization asks it) and
 * {@code users.info} (the users {@link #makeAdmin} names are workspace admins), and records every
 * {@code chat.postMessage} the real SDK sends, as Slack would receive it (form fields, blocks JSON).
 */
final class FakeSlackWebApi implements AutoCloseable {

    static final String BOT_USER = "UBOT";
    static final String APP_TOKEN = "xapp-1-A111-2222-apptoken";

    /** One posted message. */
    record Posted(String channel, String text, JsonArray blocks, String token) {
    }

    private final HttpServer server;
    private final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
    private volatile String socketUrl;
    private final java.util.Set<String> admins = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger userLookups = new java.util.concurrent.atomic.AtomicInteger();

    FakeSlackWebApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/auth.test", ex -> answer(ex, new JsonObject().put("ok", true)
                .put("url", "https://example.slack.com/").put("team", "Example").put("user", "switchboard")
                .put("team_id", "T1").put("user_id", BOT_USER).put("bot_id", "BBOT")));
        server.createContext("/api/chat.postMessage", ex -> {
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String blocks = form.get("blocks");
            posted.add(new Posted(form.get("channel"), form.get("text"),
                    blocks == null ? new JsonArray() : new JsonArray(blocks),
                    ex.getRequestHeaders().getFirst("Authorization")));
            answer(ex, new JsonObject().put("ok", true).put("channel", form.get("channel")).put("ts", "1.000001"));
        });
        server.createContext("/api/users.info", ex -> {
            userLookups.incrementAndGet();
            String user = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).get("user");
            answer(ex, new JsonObject().put("ok", true).put("user", new JsonObject().put("id", user)
                    .put("team_id", "T1").put("name", "someone").put("is_admin", admins.contains(user))
                    .put("is_owner", false).put("deleted", false).put("is_bot", false).put("is_restricted", false)
                    .put("is_ultra_restricted", false)));
        });
        server.createContext("/api/apps.connections.open", ex -> {
            ex.getRequestBody().readAllBytes();
            String token = ex.getRequestHeaders().getFirst("Authorization");
            answer(ex, socketUrl != null && ("Bearer " + APP_TOKEN).equals(token)
                    ? new JsonObject().put("ok", true).put("url", socketUrl)
                    : new JsonObject().put("ok", false).put("error", "invalid_auth"));
        });
        server.start();
    }

    /** Where {@code apps.connections.open} sends Socket Mode clients holding {@link #APP_TOKEN}. */
    void socketModeAt(String url) {
        this.socketUrl = url;
    }

    /** {@code userId} is an admin of the workspace from now on. */
    void makeAdmin(String userId) {
        admins.add(userId);
    }

    /** How many {@code users.info} requests came in. */
    int userLookups() {
        return userLookups.get();
    }

    /** The Web API base to give the SDK ({@code SLACK_API_URL}). */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The next posted message, waiting up to {@code within}; fails the test when none comes. */
    Posted next(Duration within) throws InterruptedException {
        Posted p = posted.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (p == null) {
            throw new AssertionError("no chat.postMessage within " + within);
        }
        return p;
    }

    /** Whether anything else was posted within {@code within}. */
    boolean postsMoreWithin(Duration within) throws InterruptedException {
        return posted.poll(within.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void answer(HttpExchange ex, JsonObject body) throws IOException {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

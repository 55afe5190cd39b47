package io.switchboard.dialog.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server imitating a chat API (OpenAI chat completions or Anthropic messages) so the real
 * langchain4j clients can be tested: it records each request and answers with a canned model reply, an HTTP
 * error, or nothing until closed. Other modules' tests use it as the LLM provider of a whole server.
 */
public final class LocalChatServer implements AutoCloseable {

    public enum Api { OPENAI, ANTHROPIC }

    /** What the server received. */
    public record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String modelReply = "{}";
    private volatile boolean hang;

    public LocalChatServer(Api api) throws IOException {
        this.api = api;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(api == Api.OPENAI ? "/v1/chat/completions" : "/v1/messages", this::handle);
        server.start();
    }

    /** Base URL up to and including {@code /v1}, as given to the clients. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next answers carry {@code text} as the model's message content. */
    public void replyWith(String text) {
        this.status = 200;
        this.modelReply = text;
    }

    public void failWith(int httpStatus) {
        this.status = httpStatus;
    }

    /** Requests are held without an answer until the server closes: a model slower than any timeout. */
    public void hang() {
        this.hang = true;
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(raw)));
            if (hang) {
                release.await(30, TimeUnit.SECONDS);
                return;
            }
            byte[] answer = (status == 200 ? success() : error()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String success() {
        ObjectNode root = JSON.createObjectNode();
        if (api == Api.OPENAI) {
            root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_741_597_200L)
                    .put("model", "echo");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", modelReply);
            root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        } else {
            root.put("id", "msg_test").put("type", "message").put("role", "assistant").put("model", "echo")
                    .put("stop_reason", "end_turn");
            root.putArray("content").addObject().put("type", "text").put("text", modelReply);
            root.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String error() {
        return "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}";
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

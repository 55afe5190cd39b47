package io.switchboard.telephony.http;

import io.switchboard.models.settings.SettingsSource;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Half-sent and trickled requests are closed within the configured bounds; complete ones are unaffected. */
class HttpTimeoutsTest {

    private static final Duration REQUEST_BOUND = Duration.ofMillis(400);
    /** Generous, so a slow build machine does not fail the test, yet far below "indefinitely". */
    private static final int GIVE_UP_MS = 5_000;

    private Vertx vertx;
    private ControlPlane plane;

    @AfterEach
    void stop() {
        if (plane != null) {
            plane.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void halfSentHeadersAreClosedWithinTheRequestBound() throws Exception {
        int port = start(new HttpTimeouts(Duration.ofSeconds(60), REQUEST_BOUND));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(GIVE_UP_MS);
            long sent = System.nanoTime();
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");

            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
            long closedAfterMs = (System.nanoTime() - sent) / 1_000_000;
            assertThat(closedAfterMs).isBetween(REQUEST_BOUND.toMillis() - 50, (long) GIVE_UP_MS);
        }
    }

    @Test
    void aBodyTrickledByteByByteIsClosedEvenThoughTheConnectionIsNeverIdle() throws Exception {
        int port = start(new HttpTimeouts(Duration.ofSeconds(60), REQUEST_BOUND));
        plane.mount(router -> router.post("/echo").handler(
                io.vertx.ext.web.handler.BodyHandler.create(false)).handler(ctx -> ctx.response().end("got it")));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(100);
            write(socket, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n");
            long started = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - started < GIVE_UP_MS * 1_000_000L) {
                try {
                    write(socket, "x");
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // keep trickling
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("connection closed while the body was still trickling in").isTrue();
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        int port = start(new HttpTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60)));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(GIVE_UP_MS);
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");

            String response = readUntilClosed(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 503").contains("\"status\":\"starting\"");
        }
    }

    @Test
    void aCompleteRequestIsAnsweredAndTheConnectionKeptForTheNext() throws Exception {
        int port = start(new HttpTimeouts(Duration.ofSeconds(60), REQUEST_BOUND));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(GIVE_UP_MS);
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 503");
            // past the first request's bound: a kept-alive connection is judged by its own requests
            Thread.sleep(REQUEST_BOUND.toMillis() + 200);
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 503");
        }
    }

    @Test
    void timeoutsAreReadFromTheEnvironment() {
        HttpTimeouts t = HttpTimeouts.from(SettingsSource.of(Map.of(HttpTimeouts.IDLE_TIMEOUT, "2m",
                HttpTimeouts.REQUEST_TIMEOUT, "750ms")));
        assertThat(t).isEqualTo(new HttpTimeouts(Duration.ofMinutes(2), Duration.ofMillis(750)));
        assertThat(HttpTimeouts.from(SettingsSource.of(Map.of(HttpTimeouts.REQUEST_TIMEOUT, "5"))).request())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(HttpTimeouts.from(SettingsSource.of(Map.of()))).isEqualTo(HttpTimeouts.defaults());
        assertThatThrownBy(() -> HttpTimeouts.from(SettingsSource.of(Map.of(HttpTimeouts.IDLE_TIMEOUT, "soon"))))
                .hasMessageContaining(HttpTimeouts.IDLE_TIMEOUT);
        assertThatThrownBy(() -> HttpTimeouts.from(SettingsSource.of(Map.of(HttpTimeouts.REQUEST_TIMEOUT, "0s"))))
                .hasMessageContaining(HttpTimeouts.REQUEST_TIMEOUT);
    }

    private int start(HttpTimeouts timeouts) {
        vertx = Vertx.vertx();
        plane = new ControlPlane(vertx, new HttpSettings("127.0.0.1", 0, 1, timeouts), "Bristol Plumbing");
        return plane.start();
    }

    private static void write(Socket socket, String text) throws java.io.IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Everything the server sends until it closes; a read timeout means it never closed. */
    private static String readUntilClosed(InputStream in) throws java.io.IOException {
        StringBuilder s = new StringBuilder();
        for (int b; (b = in.read()) != -1; ) {
            s.append((char) b);
        }
        return s.toString();
    }

    /** One response with a Content-Length body. */
    private static String readResponse(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        byte[] body = in.readNBytes(length);
        return head + new String(body, StandardCharsets.UTF_8);
    }
}

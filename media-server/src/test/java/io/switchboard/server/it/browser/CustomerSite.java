package io.switchboard.server.it.browser;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A business's own web site on another loopback port (another origin), embedding the widget with the one tag the
 * README gives. {@code /form} holds a form that posts cross-site into the dashboard API, as an attacker's page would.
 */
final class CustomerSite implements AutoCloseable {

    private final HttpServer server;

    CustomerSite(String switchboard) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page("/", "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport "
                + "content='width=device-width, initial-scale=1'><title>Bristol Plumbing</title></head><body>"
                + "<h1>Bristol Plumbing</h1><p>Leaks, boilers, drains. Chat with us below.</p>"
                + "<script src='" + switchboard + "/widget.js' data-business='Bristol Plumbing' defer></script>"
                + "</body></html>");
        page("/form", "<!doctype html><html><body><form id=f method=post action='" + switchboard
                + "/admin/softphone-ticket'><button>go</button></form></body></html>");
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void page(String path, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.switchboard.telephony.http;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address a request came from, for per-client rate limits. The TCP peer, except that a peer on the loopback
 * interface is taken to be the local reverse proxy of the documented set-up, whose {@code X-Forwarded-For} last
 * entry (the address the proxy itself saw) is used instead: otherwise every visitor would share the proxy's address
 * and one bucket. A remote peer's {@code X-Forwarded-For} is ignored, since anyone can send one.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client's address, or null when the connection has none (a test channel). */
    public static String of(RoutingContext ctx) {
        SocketAddress peer = ctx.request().remoteAddress();
        String direct = peer == null ? null : peer.hostAddress();
        if (direct != null && isLoopback(direct)) {
            String forwarded = lastHop(ctx.request().getHeader("X-Forwarded-For"));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return direct;
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    /** The entry the nearest proxy added; only characters of an IP address, so nothing odd reaches a key or a log. */
    private static String lastHop(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String last = header.substring(header.lastIndexOf(',') + 1).strip();
        if (last.isEmpty() || last.length() > 45 || !last.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':')) {
            return null;
        }
        return last;
    }
}

package io.switchboard.telephony.http;

import io.switchboard.models.settings.SettingsSource;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Who may read {@code /metrics}. The default is loopback only: a Prometheus on the same host (or a sidecar), never
 * the Internet. Once admin credentials exist, a rule that checks them is one more implementation of this interface.
 */
@FunctionalInterface
public interface MetricsAccess {

    String VARIABLE = "SWITCHBOARD_METRICS";

    boolean allows(RoutingContext ctx);

    /**
     * Direct connections from 127.0.0.0/8 or ::1. A request that came through a reverse proxy (it carries
     * {@code Forwarded} or {@code X-Forwarded-For}) is refused even though the proxy connects from loopback: the
     * real client is somewhere else.
     */
    static MetricsAccess loopbackOnly() {
        return ctx -> {
            if (ctx.request().headers().contains(HttpHeaders.createOptimized("Forwarded"))
                    || ctx.request().headers().contains(HttpHeaders.createOptimized("X-Forwarded-For"))) {
                return false;
            }
            SocketAddress remote = ctx.request().remoteAddress();
            String host = remote == null ? null : remote.hostAddress();
            return host != null && (host.startsWith("127.") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::1"));
        };
    }

    /** Anyone who can reach the port: only behind a network that already restricts who that is. */
    static MetricsAccess anyone() {
        return ctx -> true;
    }

    /**
     * {@code SWITCHBOARD_METRICS}: {@code loopback} (default), {@code open}, or {@code off} (empty: no route).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static java.util.Optional<MetricsAccess> from(SettingsSource source) {
        String value = source.getOrDefault(VARIABLE, "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "loopback" -> java.util.Optional.of(loopbackOnly());
            case "open" -> java.util.Optional.of(anyone());
            case "off" -> java.util.Optional.empty();
            default -> throw new IllegalArgumentException(VARIABLE + " must be loopback, open or off, was '"
                    + value + "'");
        };
    }
}

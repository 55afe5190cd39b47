package io.switchboard.telephony.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * A route's request-body limit, remembered on the request so the 413 answer quotes the limit of the route that
 * refused the body rather than some other route's.
 */
public final class BodyLimit {

    private static final String KEY = "switchboard.bodyLimit";

    private BodyLimit() {
    }

    /** Adds the body handler with {@code maxBytes} to {@code route}; returns the route for more handlers. */
    public static Route read(Route route, int maxBytes) {
        return route
                .handler(new Remember(maxBytes))
                .handler(BodyHandler.create(false).setBodyLimit(maxBytes));
    }

    /** A platform handler, so Vert.x lets it run before the body handler on the same route. */
    private record Remember(int maxBytes) implements PlatformHandler {
        @Override
        public void handle(RoutingContext ctx) {
            ctx.put(KEY, maxBytes);
            ctx.next();
        }
    }

    /** The 413 message: with the limit when the refusing route declared one. */
    static String tooLarge(RoutingContext ctx) {
        Object limit = ctx.get(KEY);
        return limit instanceof Integer bytes
                ? "request body too large (limit " + bytes + " bytes)"
                : "request body too large";
    }
}

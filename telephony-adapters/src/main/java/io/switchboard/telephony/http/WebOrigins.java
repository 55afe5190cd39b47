package io.switchboard.telephony.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for the public chat: only the web-widget origins listed in {@code SWITCHBOARD_WEB_ORIGINS} (comma separated,
 * e.g. {@code https://www.example.com}) may call it from a browser; none by default. A preflight from a listed origin
 * gets 204 with the allowed method and header; from any other origin 403 and no CORS headers, so the browser never
 * sends the real request. A POST that names a foreign origin is refused too (a form post needs no preflight).
 * Requests without {@code Origin} (servers, curl) and same-origin ones (the page served by this host) pass.
 */
public final class WebOrigins implements Handler<RoutingContext> {

    public static final String VARIABLE = "SWITCHBOARD_WEB_ORIGINS";
    private static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowed;

    private WebOrigins(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    public static WebOrigins none() {
        return new WebOrigins(Set.of());
    }

    /**
     * @param list the variable's value; blank for none
     * @throws IllegalArgumentException naming the entry that is not an origin ({@code scheme://host[:port]})
     */
    public static WebOrigins parse(String list) {
        Set<String> origins = new LinkedHashSet<>();
        if (list != null) {
            for (String entry : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                origins.add(normalise(entry));
            }
        }
        return new WebOrigins(origins);
    }

    public Set<String> allowed() {
        return allowed;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS;
        if (origin == null || isSameOrigin(ctx, origin)) {
            if (preflight) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.next();
            }
            return;
        }
        if (!allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            ApiResponses.error(ctx, 403, "this origin may not use the chat API");
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .putHeader(HttpHeaders.VARY, "Origin");
        if (preflight) {
            ctx.response()
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
                    .setStatusCode(204)
                    .end();
            return;
        }
        ctx.next();
    }

    /** The page making the request came from this very host (the Host header the browser used). */
    private static boolean isSameOrigin(RoutingContext ctx, String origin) {
        String host = ctx.request().getHeader(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String entry) {
        URI uri;
        try {
            uri = URI.create(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an origin like https://www.example.com");
        }
        boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
        if (!web || uri.getHost() == null || !bare || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + entry + "' is not an origin like https://www.example.com "
                    + "(scheme, host and optional port; no path)");
        }
        return entry.toLowerCase(Locale.ROOT);
    }
}

package io.switchboard.telephony.http;

import io.switchboard.models.LogSafe;
import io.switchboard.telephony.security.AdminToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code Authorization: Bearer <admin token>}. {@link #required} answers 401 with
 * {@code WWW-Authenticate: Bearer} unless the token is right; {@link #optional} lets requests without any
 * {@code Authorization} through as public ones (the public web chat) but still refuses a wrong token, so a
 * mistyped integration notices instead of silently losing its rights. Either way a request with the right token is
 * marked, see {@link #isAdmin}. Cheap (one SHA-256), so it runs on the event loop.
 *
 * <p>To protect a route mounted elsewhere (e.g. {@code /metrics}) call {@link #protect}: it runs before every other
 * handler of that path, whichever was added first.
 */
public final class AdminAuth implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
    private static final String ADMIN = "switchboard.admin";
    private static final String CHALLENGE = "Bearer realm=\"switchboard\"";
    private static final String SCHEME = "bearer ";

    private final AdminToken token;
    private final boolean required;

    private AdminAuth(AdminToken token, boolean required) {
        this.token = Objects.requireNonNull(token, "token");
        this.required = required;
    }

    /** Only requests with the admin token get through. */
    public static AdminAuth required(AdminToken token) {
        return new AdminAuth(token, true);
    }

    /** Requests without credentials get through as public ones; a wrong token is refused. */
    public static AdminAuth optional(AdminToken token) {
        return new AdminAuth(token, false);
    }

    /** True when this request carried the admin token (checked by an {@code AdminAuth} before). */
    public static boolean isAdmin(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(ADMIN));
    }

    /** Marks a request as the owner's, proved another way (a dashboard session, see {@link DashboardAuth}). */
    static void markAdmin(RoutingContext ctx) {
        ctx.put(ADMIN, Boolean.TRUE);
    }

    /** Puts {@code auth} in front of every handler of {@code path}, including ones mounted before this call. */
    public static void protect(Router router, String path, AdminAuth auth) {
        router.route(path).order(-1).handler(auth);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && !required) {
            ctx.next();
            return;
        }
        if (token.matches(bearer(header))) {
            ctx.put(ADMIN, Boolean.TRUE);
            ctx.next();
            return;
        }
        LOG.info("refused {} {} from {}: {} admin token", ctx.request().method(), LogSafe.escape(ctx.normalizedPath()),
                LogSafe.escape(ClientAddress.of(ctx)), header == null ? "no" : "wrong");
        ctx.response().putHeader("WWW-Authenticate",
                header == null ? CHALLENGE : CHALLENGE + ", error=\"invalid_token\"");
        ApiResponses.error(ctx, 401, header == null
                ? "this API needs the admin token: Authorization: Bearer <token>"
                : "the admin token is wrong");
    }

    private static String bearer(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        return header.substring(SCHEME.length()).strip();
    }
}

package io.switchboard.telephony.http;

import io.switchboard.models.LogSafe;
import io.switchboard.telephony.security.AdminSessions;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin guard of every admin path: the bearer token ({@link AdminAuth}) for integrations and curl, or the owner
 * dashboard's session cookie for the browser. A cookie rides along on any request the browser makes, so with a
 * cookie (and no token) every change — any method but GET and HEAD — must also prove it comes from the dashboard
 * page itself: its {@code Origin} (or, when a browser sends none, its {@code Referer}) must be this host, and it must
 * carry the session's CSRF token in {@value #CSRF_HEADER}. Either missing is 403. The session cookie is
 * {@code SameSite=Strict} as well, so a cross-site page cannot even make a browser send it; these checks hold
 * without that.
 *
 * <p>The session lookup blocks (PostgreSQL), so it runs on the worker pool.
 */
public final class DashboardAuth implements Handler<RoutingContext> {

    public static final String COOKIE = "switchboard_admin";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION = "switchboard.admin.session";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardAuth.class);

    private final AdminAuth bearer;
    private final AdminSessions sessions;
    private final WorkerExecutor workers;

    public DashboardAuth(AdminAuth bearer, AdminSessions sessions, WorkerExecutor workers) {
        this.bearer = Objects.requireNonNull(bearer, "bearer");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** The dashboard session of a request this guard let in by its cookie. */
    public static Optional<AdminSessions.Session> session(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION));
    }

    @Override
    public void handle(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null || cookie == null) {
            bearer.handle(ctx);
            return;
        }
        String id = cookie.getValue();
        ctx.request().pause();
        workers.<Optional<AdminSessions.Session>>executeBlocking(() -> sessions.find(id), false)
                .onComplete(found -> {
                    ctx.request().resume();
                    if (found.failed()) {
                        LOG.error("admin session lookup failed: {}", FailureSummary.of(found.cause()));
                        ApiResponses.error(ctx, 503, "sessions are unavailable; please try again");
                        return;
                    }
                    if (found.result().isEmpty()) {
                        ApiResponses.error(ctx, 401, "not signed in (or the session expired); sign in at /admin");
                        return;
                    }
                    AdminSessions.Session session = found.result().get();
                    if (changes(ctx.request().method()) && !fromThisSite(ctx, session)) {
                        return;
                    }
                    AdminAuth.markAdmin(ctx);
                    ctx.put(SESSION, session);
                    ctx.next();
                });
    }

    private static boolean changes(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD;
    }

    private static boolean fromThisSite(RoutingContext ctx, AdminSessions.Session session) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        String source = origin != null ? origin : ctx.request().getHeader(HttpHeaders.REFERER);
        if (!sameHost(source, ctx.request().getHeader(HttpHeaders.HOST))) {
            LOG.warn("refused a cross-site {} {} (origin {})", ctx.request().method(),
                    LogSafe.escape(ctx.normalizedPath()), LogSafe.escape(String.valueOf(source)));
            ApiResponses.error(ctx, 403, "cross-site request refused");
            return false;
        }
        if (!session.csrfMatches(ctx.request().getHeader(CSRF_HEADER))) {
            LOG.warn("refused {} {}: missing or wrong CSRF token", ctx.request().method(),
                    LogSafe.escape(ctx.normalizedPath()));
            ApiResponses.error(ctx, 403, "missing or wrong " + CSRF_HEADER);
            return false;
        }
        return true;
    }

    /** Whether {@code source} (an Origin or Referer) names {@code host}, the authority the browser used. */
    static boolean sameHost(String source, String host) {
        if (source == null || host == null || source.equals("null")) {
            return false;
        }
        try {
            String authority = URI.create(source).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package io.switchboard.telephony.http;

import io.switchboard.models.LogSafe;
import io.switchboard.telephony.ratelimit.RateDecision;
import io.switchboard.telephony.security.AdminSessions;
import io.switchboard.telephony.security.AdminToken;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in to the owner dashboard:
 * <ul>
 *   <li>{@code POST /admin/session} {@code {"token"}} (JSON only; from this site or no browser at all): with the admin
 *       token, opens a session — {@code Set-Cookie: switchboard_admin=…; HttpOnly; SameSite=Strict; Path=/}
 *       ({@code Secure} behind HTTPS) and {@code {"csrf_token","expires_at","today"}} (today: the business's date); 401 with a wrong token; sign-ins are
 *       rate limited per client address (429)</li>
 *   <li>{@code GET /admin/session}: the signed-in session's {@code {"csrf_token","expires_at","today"}}, 401
 *       otherwise</li>
 *   <li>{@code DELETE /admin/session}: signs out (a change: CSRF token and same-site origin needed)</li>
 *   <li>{@code POST /admin/softphone-ticket}: a one-minute, single-use ticket for the browser softphone's media
 *       WebSocket, {@code {"ticket","media_url"}}; needs a dashboard session (not the bearer token)</li>
 * </ul>
 */
public final class AdminSessionApi {

    public static final String PATH = "/admin/session";
    public static final String TICKET_PATH = "/admin/softphone-ticket";
    private static final Logger LOG = LoggerFactory.getLogger(AdminSessionApi.class);

    private final AdminToken token;
    private final AdminSessions sessions;
    private final DashboardAuth guard;
    private final ApiSecurity security;
    private final WorkerExecutor workers;
    private final SoftphoneMedia media;
    private final java.util.function.Supplier<java.time.LocalDate> today;

    /** Where the softphone's page connects its media WebSocket, given the Host the browser used. */
    @FunctionalInterface
    public interface SoftphoneMedia {
        /** @return the ws:// or wss:// URL, or null when voice is not running */
        String url(String requestHost, boolean secure);
    }

    /** @param today the business's date now (the dashboard's calendar starts there, not at the browser's date) */
    public AdminSessionApi(ApiSecurity security, AdminSessions sessions, DashboardAuth guard, WorkerExecutor workers,
                           SoftphoneMedia media, java.util.function.Supplier<java.time.LocalDate> today) {
        this.today = Objects.requireNonNull(today, "today");
        this.security = Objects.requireNonNull(security, "security");
        this.token = security.token();
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.media = Objects.requireNonNull(media, "media");
    }

    public void mount(Router router) {
        BodyLimit.read(router.post(PATH), 4096).handler(this::signIn);
        router.get(PATH).handler(guard).handler(this::current);
        router.delete(PATH).handler(guard).handler(this::signOut);
        router.post(TICKET_PATH).handler(guard).handler(this::ticket);
    }

    private void signIn(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !DashboardAuth.sameHost(origin, ctx.request().getHeader(HttpHeaders.HOST))) {
            ApiResponses.error(ctx, 403, "cross-site request refused");
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            ApiResponses.error(ctx, 415, "Content-Type must be application/json");
            return;
        }
        String presented;
        try {
            presented = new JsonObject(ctx.body().buffer()).getString("token");
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            ApiResponses.error(ctx, 400, "request body must be a JSON object with a \"token\" string");
            return;
        }
        String address = ClientAddress.of(ctx);
        boolean secure = secure(ctx);
        workers.<Object>executeBlocking(() -> {
            RateDecision decision = security.limits().check("admin-sign-in", address, address);
            if (decision instanceof RateDecision.Refused refused) {
                return refused;
            }
            return token.matches(presented) ? sessions.open() : Boolean.FALSE;
        }, false).onSuccess(result -> {
            switch (result) {
                case RateDecision.Refused refused -> {
                    ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
                    ApiResponses.error(ctx, 429, "too many sign-in attempts; please wait a moment");
                }
                case AdminSessions.Opened opened -> {
                    LOG.info("dashboard sign-in from {}", LogSafe.escape(address));
                    ctx.response().addCookie(Cookie.cookie(DashboardAuth.COOKIE, opened.id())
                            .setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.STRICT)
                            .setMaxAge(AdminSessions.LIFETIME.toSeconds()));
                    ApiResponses.json(ctx, 200, new JsonObject().put("csrf_token", opened.csrfToken())
                            .put("expires_at", opened.expiresAt().toString()).put("today", today.get().toString()));
                }
                default -> {
                    LOG.info("dashboard sign-in refused from {}: wrong admin token", LogSafe.escape(address));
                    ApiResponses.error(ctx, 401, "the admin token is wrong");
                }
            }
        }).onFailure(e -> {
            LOG.error("dashboard sign-in failed: {}", FailureSummary.of(e));
            ApiResponses.error(ctx, 503, "sign-in is unavailable; please try again");
        });
    }

    private void current(RoutingContext ctx) {
        DashboardAuth.session(ctx).ifPresentOrElse(
                s -> ApiResponses.json(ctx, 200, new JsonObject().put("csrf_token", s.csrfToken())
                        .put("expires_at", s.expiresAt().toString()).put("today", today.get().toString())),
                () -> ApiResponses.json(ctx, 200, new JsonObject().put("bearer", true)
                        .put("today", today.get().toString())));
    }

    private void signOut(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(DashboardAuth.COOKIE);
        String id = cookie == null ? null : cookie.getValue();
        workers.executeBlocking(() -> {
            sessions.close(id);
            return null;
        }, false).onComplete(done -> {
            ctx.response().addCookie(Cookie.cookie(DashboardAuth.COOKIE, "").setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
            ctx.response().setStatusCode(204).end();
        });
    }

    private void ticket(RoutingContext ctx) {
        var session = DashboardAuth.session(ctx);
        if (session.isEmpty()) {
            ApiResponses.error(ctx, 403, "the softphone needs a dashboard session; sign in at /admin");
            return;
        }
        String url = media.url(ctx.request().getHeader(HttpHeaders.HOST), secure(ctx));
        if (url == null) {
            ApiResponses.error(ctx, 503, "voice is not running on this server");
            return;
        }
        workers.<String>executeBlocking(() -> sessions.ticket(session.get()), false)
                .onSuccess(t -> ApiResponses.json(ctx, 200, new JsonObject().put("ticket", t).put("media_url", url)))
                .onFailure(e -> {
                    LOG.error("softphone ticket failed: {}", FailureSummary.of(e));
                    ApiResponses.error(ctx, 503, "the softphone is unavailable; please try again");
                });
    }

    /** Whether the browser reached us over HTTPS (directly, or through the TLS proxy). */
    private static boolean secure(RoutingContext ctx) {
        return ctx.request().isSSL()
                || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    }
}

package io.switchboard.telephony.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The browser files shipped inside the jar ({@code io/switchboard/web/}): the chat widget, the dashboard and the
 * softphone. Read once at mount, served from memory; nothing is built at run time. Pages get a content security
 * policy that allows only this server's own scripts and connections (plus the media WebSocket for the softphone).
 */
public final class WebAssets {

    private static final String ROOT = "/io/switchboard/web/";

    /** What a page may load: itself only. Scripts are files, never inline, so no 'unsafe-inline'. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self' ws: wss:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private WebAssets() {
    }

    /** {@code GET /widget.js}: loaded by other sites, so cacheable and without a page policy. */
    public static void mountWidget(Router router) {
        Buffer widget = read("widget.js");
        router.get("/widget.js").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader("X-Content-Type-Options", "nosniff")
                // Any site may embed the script; what it may call is decided by SWITCHBOARD_WEB_ORIGINS on the API.
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .end(widget));
    }

    /** The owner dashboard at {@code /admin} and the browser softphone at {@code /try}, with their scripts. */
    public static void mountPages(Router router) {
        router.get("/admin/").handler(ctx -> ctx.redirect("/admin"));
        mountFile(router, "/admin", "admin.html");
        mountFile(router, "/admin/admin.js", "admin.js");
        mountFile(router, "/admin/admin.css", "admin.css");
        mountFile(router, "/try", "try.html");
        mountFile(router, "/try/try.js", "try.js");
        mountFile(router, "/try/softphone-worklet.js", "softphone-worklet.js");
    }

    /** Serves resource {@code name} at {@code path} as a same-origin page or script. */
    static void mountFile(Router router, String path, String name) {
        Buffer body = read(name);
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8"
                : "text/javascript; charset=utf-8";
        router.get(path).handler(ctx -> ctx.response()
                .putHeader("Content-Type", type)
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("Content-Security-Policy", PAGE_POLICY)
                .end(body));
    }

    static Buffer read(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream(ROOT + name)) {
            Objects.requireNonNull(in, () -> "missing web asset " + name);
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + name, e);
        }
    }
}

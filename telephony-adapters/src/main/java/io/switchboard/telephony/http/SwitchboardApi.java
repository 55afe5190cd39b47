package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.scheduling.Scheduling;

/**
 * Mounts Switchboard's JSON API ({@code /v1/chat}, {@code /v1/appointments}) on a control plane, and the admin
 * token in front of every admin path ({@link #ADMIN_PATHS}), including ones other components mount later.
 */
public final class SwitchboardApi {

    /** Paths only the admin token opens: customer data and operational detail. */
    public static final java.util.List<String> ADMIN_PATHS = java.util.List.of(AppointmentsApi.PATH,
            MissedCallsApi.PATH, MissedCallsApi.PATH + "/*", MetricsEndpoint.PATH, CallLogApi.PATH,
            CallLogApi.PATH + "/*", CustomerDataApi.PATH, CustomerDataApi.PATH + "/*", OwnerAttentionApi.PUSHES,
            OwnerAttentionApi.ALERTS, OwnerAttentionApi.METRICS, BusinessSettingsApi.PATH + "/*");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SwitchboardApi.class);
    private static final java.time.Duration PRUNE_LIMITS_EVERY = java.time.Duration.ofHours(1);

    private SwitchboardApi() {
    }

    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling, ApiSecurity security) {
        mount(plane, engine, scheduling, security, Metrics.disabled());
    }

    /** With failed chat turns counted into {@code metrics}. */
    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling, ApiSecurity security,
                             Metrics metrics) {
        mount(plane, engine, scheduling, security, metrics, (host, secure) -> null);
    }

    /**
     * With the owner dashboard's sessions, and {@code softphone} telling the browser softphone where the media
     * WebSocket is (null while voice is off).
     */
    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling, ApiSecurity security,
                             Metrics metrics, AdminSessionApi.SoftphoneMedia softphone) {
        AdminAuth admin = security.requiredAdmin();
        io.switchboard.telephony.security.AdminSessions sessions = new io.switchboard.telephony.security.AdminSessions(
                scheduling.database().dsl(), scheduling.clock(), new java.security.SecureRandom());
        // The token or a dashboard session (with CSRF and same-site checks on changes) opens every admin path.
        DashboardAuth guard = new DashboardAuth(admin, sessions, plane.workers());
        plane.mount(router -> ADMIN_PATHS.forEach(path -> router.route(path).order(-1).handler(guard)));
        plane.mount(new AdminSessionApi(security, sessions, guard, plane.workers(), softphone,
                () -> java.time.LocalDate.ofInstant(scheduling.clock().instant(), scheduling.profile().timezone()))::mount);
        plane.mount(new OwnerAttentionApi(scheduling.database().dsl(), scheduling.clock(),
                scheduling.profile().timezone(), plane.workers())::mount);
        plane.mount(new BusinessSettingsApi(scheduling.profiles(), scheduling.settings(), plane.workers())::mount);
        plane.mount(WebAssets::mountPages);
        plane.vertx().setPeriodic(PRUNE_LIMITS_EVERY.toMillis(), id -> plane.workers()
                .executeBlocking(sessions::pruneExpired, false)
                .onFailure(e -> LOG.warn("pruning dashboard sessions failed: {}", e.getClass().getName())));
        AppointmentJson appointments = new AppointmentJson(scheduling.profile());
        plane.mount(new ChatApi(engine, appointments, plane.workers(), scheduling.phones(), security,
                metrics.errors())::mount);
        plane.mount(WebAssets::mountWidget);
        plane.mount(new AppointmentsApi(scheduling.appointments(), appointments, scheduling.profile().timezone(),
                plane.workers())::mount);
        // Idle rate-limit counters are dead weight (a full bucket is the same as none); the timer ends with Vert.x.
        plane.vertx().setPeriodic(PRUNE_LIMITS_EVERY.toMillis(), id -> plane.workers()
                .executeBlocking(() -> security.limits().pruneIdle(), false)
                .onSuccess(n -> LOG.debug("pruned {} idle rate-limit counters", n))
                .onFailure(e -> LOG.warn("pruning rate-limit counters failed: {}", e.getClass().getName())));
    }
}

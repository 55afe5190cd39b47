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
            MissedCallsApi.PATH, MetricsEndpoint.PATH, CallLogApi.PATH, CallLogApi.PATH + "/*");

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
        AdminAuth admin = security.requiredAdmin();
        plane.mount(router -> ADMIN_PATHS.forEach(path -> AdminAuth.protect(router, path, admin)));
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

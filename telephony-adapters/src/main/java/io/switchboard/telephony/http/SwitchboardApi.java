package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.scheduling.Scheduling;

/**
 * Mounts Switchboard's JSON API ({@code /v1/chat}, {@code /v1/appointments}) on a control plane, and the admin
 * token in front of every admin path ({@link #ADMIN_PATHS}), including ones other components mount later.
 */
public final class SwitchboardApi {

    /** Paths only the admin token opens: customer data and operational detail. */
    public static final java.util.List<String> ADMIN_PATHS = java.util.List.of(AppointmentsApi.PATH, "/metrics");

    private SwitchboardApi() {
    }

    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling, ApiSecurity security) {
        AdminAuth admin = security.requiredAdmin();
        plane.mount(router -> ADMIN_PATHS.forEach(path -> AdminAuth.protect(router, path, admin)));
        AppointmentJson appointments = new AppointmentJson(scheduling.profile());
        plane.mount(new ChatApi(engine, appointments, plane.workers(), scheduling.phones(), security)::mount);
        plane.mount(new AppointmentsApi(scheduling.appointments(), appointments, scheduling.profile().timezone(),
                plane.workers())::mount);
    }
}

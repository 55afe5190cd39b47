package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.scheduling.Scheduling;

/** Mounts Switchboard's JSON API ({@code /v1/chat}, {@code /v1/appointments}) on a control plane. */
public final class SwitchboardApi {

    private SwitchboardApi() {
    }

    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling) {
        mount(plane, engine, scheduling, Metrics.disabled());
    }

    /** With failed chat turns counted into {@code metrics}. */
    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling, Metrics metrics) {
        AppointmentJson appointments = new AppointmentJson(scheduling.profile());
        plane.mount(new ChatApi(engine, appointments, plane.workers(), metrics.errors())::mount);
        plane.mount(new AppointmentsApi(scheduling.appointments(), appointments, scheduling.profile().timezone(),
                plane.workers())::mount);
    }
}

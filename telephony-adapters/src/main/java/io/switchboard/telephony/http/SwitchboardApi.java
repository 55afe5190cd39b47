package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.scheduling.Scheduling;

/** Mounts Switchboard's JSON API ({@code /v1/chat}, {@code /v1/appointments}) on a control plane. */
public final class SwitchboardApi {

    private SwitchboardApi() {
    }

    public static void mount(ControlPlane plane, DialogEngine engine, Scheduling scheduling) {
        AppointmentJson appointments = new AppointmentJson(scheduling.profile());
        plane.mount(new ChatApi(engine, appointments, plane.workers())::mount);
        plane.mount(new AppointmentsApi(scheduling.appointments(), appointments, scheduling.profile().timezone(),
                plane.workers())::mount);
    }
}

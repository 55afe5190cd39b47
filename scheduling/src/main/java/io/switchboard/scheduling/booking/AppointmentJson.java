package io.switchboard.scheduling.booking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.models.Appointment;
import org.jooq.JSONB;

/** The snapshot of an appointment written to the audit log and the calendar outbox. */
final class AppointmentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AppointmentJson() {
    }

    static JSONB of(Appointment a) {
        if (a == null) {
            return null;
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", a.id().toString());
        n.put("service", a.serviceId());
        n.put("start", a.slot().start().toOffsetDateTime().toString());
        n.put("end", a.slot().end().toOffsetDateTime().toString());
        n.put("status", a.status().name());
        n.put("customer_phone", a.customer().phone());
        n.put("customer_name", a.customer().name());
        n.put("address", a.address());
        n.put("problem", a.problem());
        n.put("emergency", a.emergency());
        n.put("channel", a.channel().name());
        return JSONB.valueOf(n.toString());
    }
}

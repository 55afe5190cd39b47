package io.switchboard.scheduling.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * How a booking looks on the owner's calendar: "Bristol Plumbing – drain cleaning – Sarah Donnelly", the job's
 * start and end, the job address as location, the problem, emergency flag and caller's number in the description,
 * and the appointment id as a private extended property (so the pull can tell our events from the owner's).
 */
public final class AppointmentEvents {

    /** Private extended property carrying the appointment id. */
    public static final String APPOINTMENT_PROPERTY = "switchboardAppointmentId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BusinessProfile profile;

    public AppointmentEvents(BusinessProfile profile) {
        this.profile = profile;
    }

    /** The event for an outbox payload (the appointment snapshot written by the booking transaction). */
    public Event event(String payload) throws IOException {
        JsonNode a = JSON.readTree(payload);
        String id = text(a, "id");
        String serviceId = text(a, "service");
        String service = profile.service(serviceId).map(ServiceType::name).orElse(serviceId);
        String customer = text(a, "customer_name");
        String title = profile.name() + " – " + service + (customer.isBlank() ? "" : " – " + customer);
        String zone = profile.timezone().getId();
        return new Event()
                .setId(EventIds.of(java.util.UUID.fromString(id)))
                .setStatus("confirmed")
                .setSummary(title)
                .setLocation(text(a, "address"))
                .setDescription(description(a))
                .setStart(at(text(a, "start"), zone))
                .setEnd(at(text(a, "end"), zone))
                .setTransparency("opaque")
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of(APPOINTMENT_PROPERTY, id)));
    }

    private static String description(JsonNode a) {
        StringBuilder d = new StringBuilder();
        String problem = text(a, "problem");
        if (!problem.isBlank()) {
            d.append("Problem: ").append(problem).append('\n');
        }
        d.append("Emergency: ").append(a.path("emergency").asBoolean(false) ? "YES" : "no").append('\n');
        String phone = text(a, "customer_phone");
        if (!phone.isBlank()) {
            d.append("Caller: ").append(phone).append('\n');
        }
        d.append("Booked by Switchboard (").append(text(a, "channel").toLowerCase(java.util.Locale.ROOT)).append(')');
        return d.toString();
    }

    private static EventDateTime at(String isoOffset, String zone) {
        OffsetDateTime t = OffsetDateTime.parse(isoOffset);
        return new EventDateTime().setDateTime(new DateTime(t.toInstant().toEpochMilli(),
                t.getOffset().getTotalSeconds() / 60)).setTimeZone(zone);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}

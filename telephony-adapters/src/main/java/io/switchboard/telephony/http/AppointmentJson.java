package io.switchboard.telephony.http;

import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The API's JSON form of an appointment, shared by {@code /v1/appointments} and chat replies:
 * {@code {"id","service","service_name","start","end","status","customer":{"name","phone"},"address","problem",
 * "emergency","channel"}}. Times are ISO-8601 with the business's offset, always with seconds and a numeric offset
 * ({@code 2026-11-24T10:00:00+00:00}) so clients need not handle {@code Z}.
 */
public final class AppointmentJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private final BusinessProfile profile;
    private final ZoneId zone;

    public AppointmentJson(BusinessProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.zone = profile.timezone();
    }

    public JsonObject toJson(Appointment a) {
        return new JsonObject()
                .put("id", a.id().toString())
                .put("service", a.serviceId())
                // A service removed from the profile after booking still has its id to show.
                .put("service_name", profile.service(a.serviceId()).map(ServiceType::name).orElse(a.serviceId()))
                .put("start", format(a.slot().start()))
                .put("end", format(a.slot().end()))
                .put("status", a.status().name().toLowerCase(Locale.ROOT))
                .put("customer", new JsonObject()
                        .put("name", a.customer().name())
                        .put("phone", a.customer().phone()))
                .put("address", a.address())
                .put("problem", a.problem())
                .put("emergency", a.emergency())
                .put("channel", a.channel().wireName());
    }

    /** An instant as the API writes it: in the business's timezone, with its offset. */
    public String format(ZonedDateTime t) {
        return TIME.format(t.withZoneSameInstant(zone));
    }
}

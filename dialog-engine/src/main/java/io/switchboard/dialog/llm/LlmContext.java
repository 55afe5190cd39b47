package io.switchboard.dialog.llm;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the model needs to read one message, and what its answer is checked against.
 *
 * @param now         the current time in the business's timezone; relative dates resolve against it and
 *                    dates before its day are rejected
 * @param services    the business's services, id to spoken name, in profile order; the only service ids accepted
 * @param lastAsked   what the dialog asked last (a state or slot name such as {@code "date"}), or null
 * @param phoneRegion ISO 3166 region for phone numbers given without a country code ({@code "GB"})
 */
public record LlmContext(ZonedDateTime now, Map<String, String> services, String lastAsked, String phoneRegion) {

    public LlmContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(phoneRegion, "phoneRegion");
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** The context for a business at {@code now} (moved into the business's timezone). */
    public static LlmContext forBusiness(BusinessProfile profile, ZonedDateTime now, String lastAsked) {
        Map<String, String> services = new LinkedHashMap<>();
        for (ServiceType s : profile.services()) {
            services.put(s.id(), s.name());
        }
        return new LlmContext(now.withZoneSameInstant(profile.timezone()), services, lastAsked,
                profile.phoneRegion());
    }
}

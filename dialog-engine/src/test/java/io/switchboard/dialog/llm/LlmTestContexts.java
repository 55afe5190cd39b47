package io.switchboard.dialog.llm;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Bristol Plumbing context the LLM tests read replies against: Monday 10 March 2025, 09:00 in London. */
final class LlmTestContexts {

    static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 10, 9, 0, 0, 0, ZoneId.of("Europe/London"));

    private LlmTestContexts() {
    }

    static LlmContext bristolPlumbing(String lastAsked) {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("drain-cleaning", "drain cleaning");
        services.put("boiler-repair", "boiler repair");
        services.put("emergency-callout", "emergency call-out");
        return new LlmContext(NOW, services, lastAsked, "GB");
    }
}

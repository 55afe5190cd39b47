package io.switchboard.dialog.flow;

import io.switchboard.models.Intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the caller wanted, for the owner: built from the conversation's slots only, never from a transcript ("book;
 * emergency; drain cleaning; tomorrow at 10am; sink blocked"). The one summary both a hand-off note and a message
 * for the owner carry, so the two never say different things about the same caller.
 */
final class CallerWants {

    private static final int MAX_PROBLEM = 80;

    private CallerWants() {
    }

    static String of(Turn t) {
        Conversation c = t.conv;
        List<String> parts = new ArrayList<>();
        parts.add(c.topic == Intent.UNKNOWN ? "enquiry" : c.topic.name().toLowerCase(Locale.ROOT));
        if (c.emergency) {
            parts.add("emergency");
        }
        if (c.serviceId != null) {
            parts.add(t.serviceName(c.serviceId));
        }
        if (c.chosen != null) {
            parts.add(t.say.when(c.chosen, t.today()));
        } else if (!c.wanted.isEmpty() && c.wanted.get(0).date() != null) {
            parts.add(t.say.day(c.wanted.get(0).date(), t.today()));
        }
        if (c.problem != null && !c.problem.equals(Recovery.NOT_DESCRIBED)) {
            parts.add(c.problem.length() > MAX_PROBLEM ? c.problem.substring(0, MAX_PROBLEM) : c.problem);
        }
        return String.join("; ", parts);
    }
}

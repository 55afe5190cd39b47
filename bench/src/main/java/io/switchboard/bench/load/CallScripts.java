package io.switchboard.bench.load;

import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.CallerUtterance;
import java.util.ArrayList;
import java.util.List;

/**
 * The load's booking call, asking for the caller's own slot ("wednesday at two", from {@link SlotPlan}) so no two
 * callers of a run ask for the same one: the load measures the server's capacity, not callers racing for one slot
 * (the scripted caller cannot hear an alternative offer and adapt). A day with an hour needs no choice among offers:
 * service, day and hour, name, caller id confirmed, address, read-back confirmed, goodbye. "leaking" names the
 * general repair.
 */
final class CallScripts {

    /** Where the slot goes in {@link #LINES}. */
    static final String SLOT = "{slot}";
    static final List<String> LINES = List.of("my tap is leaking", SLOT, "my name is john smith", "yeah",
            "one hundred high street bristol", "yeah", "no thank you");

    private final Caller caller;
    private final List<CallerUtterance> common = new ArrayList<>();

    private CallScripts(Caller caller) {
        this.caller = caller;
        for (String line : LINES) {
            common.add(line.equals(SLOT) ? null : caller.voice().utterance(line));
        }
    }

    /** Renders the common lines once; the slot line is rendered by {@link #forSlot}. */
    static CallScripts render(Caller caller) {
        return new CallScripts(caller);
    }

    /** The lines as said when asking for {@code slot}. */
    static List<String> linesFor(SlotPlan.Slot slot) {
        return LINES.stream().map(l -> l.equals(SLOT) ? slot.spoken() : l).toList();
    }

    /** The script asking for {@code slot} (a synthesis of one line, cached on disk by the caller's voice). */
    CallScript forSlot(SlotPlan.Slot slot) {
        List<CallerUtterance> lines = new ArrayList<>(common);
        lines.set(LINES.indexOf(SLOT), caller.voice().utterance(slot.spoken()));
        return new CallScript(lines);
    }
}

package io.switchboard.bench.load;

import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.CallerUtterance;
import io.switchboard.media.simulator.Callers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The caller's booking call, asking for the caller's own slot ("wednesday at two o'clock", from {@link SlotPlan}) in
 * place of the script's day and part of day, so no two callers of a run ask for the same slot: the load measures the
 * server's capacity, not callers racing for one slot (the scripted caller cannot hear an alternative offer and adapt).
 * A day with an hour needs no choice among offers, so the script's choice line (the one after the day) is left out:
 * service, day and hour, name, caller id confirmed, address, read-back confirmed, goodbye.
 */
final class CallScripts {

    private static final String NAME_PREFIX = "my name is ";

    private final Caller caller;
    private final List<String> lines;
    private final int slotLine;
    private final List<CallerUtterance> common = new ArrayList<>();

    private CallScripts(Caller caller) {
        this.caller = caller;
        List<String> all = new ArrayList<>(caller.bookingLines());
        this.slotLine = caller.dayLine();
        all.remove(slotLine + 1);
        this.lines = List.copyOf(all);
        for (int i = 0; i < lines.size(); i++) {
            common.add(i == slotLine ? null : caller.voice().utterance(lines.get(i)));
        }
    }

    /** Renders the common lines once; the slot line is rendered by {@link #forSlot}. */
    static CallScripts render(Caller caller) {
        return new CallScripts(caller);
    }

    /** The lines, with the day line as the caller's script has it. */
    List<String> lines() {
        return lines;
    }

    /** The name the caller gives ("john smith"), lower case, for the booking check. */
    String name() {
        return lines.stream().filter(l -> l.startsWith(NAME_PREFIX)).map(l -> l.substring(NAME_PREFIX.length()))
                .findFirst().orElseThrow().toLowerCase(Locale.ROOT);
    }

    /** The day line asking for {@code slot}. */
    String slotLineFor(SlotPlan.Slot slot) {
        return lines.get(slotLine).replace(Callers.DAY, slot.spoken());
    }

    /** The script asking for {@code slot} (a synthesis of one line, cached on disk by the caller's voice). */
    CallScript forSlot(SlotPlan.Slot slot) {
        List<CallerUtterance> script = new ArrayList<>(common);
        script.set(slotLine, caller.voice().utterance(slotLineFor(slot)));
        return new CallScript(script);
    }
}

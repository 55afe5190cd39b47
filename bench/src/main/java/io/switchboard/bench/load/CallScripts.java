package io.switchboard.bench.load;

import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.CallerUtterance;
import io.switchboard.media.simulator.Callers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The booking script with the wanted day and part of day taken in turn from {@link #WINDOWS}, so simultaneous
 * callers want different slots: the load measures the server's capacity, not a queue of callers racing for one slot
 * (the scripted caller cannot hear an alternative offer and adapt). Only windows the small Vosk model hears
 * reliably from the espeak voice are used ("next tuesday" is not one of them).
 */
final class CallScripts {

    static final List<String> WINDOWS = List.of("tomorrow morning", "tomorrow afternoon", "wednesday morning",
            "wednesday afternoon", "thursday morning", "thursday afternoon", "friday morning", "friday afternoon",
            "monday morning", "monday afternoon");

    private final List<CallScript> scripts;
    private final AtomicInteger next = new AtomicInteger();

    private CallScripts(List<CallScript> scripts) {
        this.scripts = scripts;
    }

    /** Renders each line once (a synthesis per line) and shares the common lines between the scripts. */
    static CallScripts render(Caller caller) {
        CallScript base = caller.bookingScript();
        int dayLine = caller.dayLine();
        String day = caller.bookingLines().get(dayLine);
        List<CallScript> scripts = new ArrayList<>();
        for (String window : WINDOWS) {
            List<CallerUtterance> lines = new ArrayList<>(base.lines());
            lines.set(dayLine, caller.voice().utterance(day.replace(Callers.DAY, window)));
            scripts.add(new CallScript(lines));
        }
        return new CallScripts(scripts);
    }

    /** The script for the next call, round-robin over the windows. */
    CallScript next() {
        return scripts.get(Math.floorMod(next.getAndIncrement(), scripts.size()));
    }
}

package io.switchboard.media.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated caller says, line by line, each after the receptionist's previous reply has been played to the end.
 *
 * @param lines the caller's lines, rendered
 */
public record CallScript(List<CallerUtterance> lines) {

    /**
     * Booking a general repair for tomorrow morning's earliest slot, with phrasings the small Vosk model hears reliably
     * from {@link EspeakVoice#CALLER}: service, day, choice, name, caller id confirmed, address, confirmation, goodbye.
     * MaryTTS callers need other words: {@link Callers#MARY_BOOKING_LINES}.
     */
    public static final List<String> BOOKING_A_REPAIR = List.of("i need a repair", "tomorrow morning",
            "the earliest one", "my name is john smith", "yeah", "one hundred high street bristol", "yeah",
            "no thank you");

    public CallScript {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** Renders {@code lines} with {@code voice} (slow, a synthesis per line: do it before dialling). */
    public static CallScript render(CallerVoice voice, List<String> lines) {
        List<CallerUtterance> rendered = new ArrayList<>();
        for (String line : lines) {
            rendered.add(voice.utterance(line));
        }
        return new CallScript(rendered);
    }

    /**
     * Plays the script on {@code call}: waits for the greeting to be played, then for each line waits {@code pause}
     * (a person's reaction time), says it and waits for the reply to be played. Stops at the first reply that does not
     * come within {@code replyTimeout}, and reports how far it got.
     */
    public ScriptResult playOn(SimulatedCall call, Duration pause, Duration replyTimeout) throws InterruptedException {
        List<ScriptResult.Turn> turns = new ArrayList<>();
        int greeting;
        try {
            greeting = call.awaitReplyPlayed(replyTimeout);
        } catch (IllegalStateException e) {
            return new ScriptResult(0, turns, e.getMessage());
        }
        for (CallerUtterance line : lines) {
            Thread.sleep(pause.toMillis());
            call.say(line);
            int frames;
            try {
                frames = call.awaitReplyPlayed(replyTimeout);
            } catch (IllegalStateException e) {
                return new ScriptResult(greeting, turns, "after '" + line.text() + "': " + e.getMessage());
            }
            turns.add(new ScriptResult.Turn(line.text(), frames, call.lastTurnMillis().orElse(Double.NaN)));
        }
        return new ScriptResult(greeting, turns, null);
    }
}

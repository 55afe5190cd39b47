package io.switchboard.media.simulator;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays one {@link SpokenCallScript} on a real WebSocket call in real time. After each reply has been played the
 * caller answers what it asked (the dialog's expectation for that reply, as a person understands a question), in
 * the next of their phrasings when the same question comes again, and on the keypad when the reply asks for keys.
 */
public final class SpokenCallRunner {

    /** A call that needs more caller turns than this is counted as a loop. */
    public static final int MAX_TURNS = 18;
    private static final Duration PAUSE = Duration.ofMillis(300);

    private final int port;
    private final ObservedDialog dialog;
    private final Duration replyTimeout;

    public SpokenCallRunner(int port, ObservedDialog dialog, Duration replyTimeout) {
        this.port = port;
        this.dialog = dialog;
        this.replyTimeout = replyTimeout;
    }

    /** What happened on the call, before judging: turns, fallbacks, transcript, the conversation's results. */
    public record Played(int turns, boolean looped, Map<String, Integer> fallbacks, List<String> transcript,
                         String failure) {
    }

    public Played play(SpokenCallScript script, Map<String, CallerUtterance> rendered, String callSid)
            throws Exception {
        Map<String, Integer> fallbacks = new LinkedHashMap<>();
        Map<Expectation.Slot, Integer> attempts = new EnumMap<>(Expectation.Slot.class);
        List<String> transcript = new ArrayList<>();
        int turns = 0;
        String failure = null;
        try (SimulatedCall call = SimulatedCall.dial(port, callSid, script.phone())) {
            call.awaitReplyPlayed(replyTimeout);
            Move move = Move.say(script.opening());
            while (true) {
                Thread.sleep(PAUSE.toMillis());
                int before = dialog.of(callSid).size();
                if (move.keys() != null) {
                    call.press(move.keys() + "#");
                    transcript.add("keys  " + move.keys());
                } else {
                    call.say(rendered.get(move.line()));
                    transcript.add("says  " + move.line());
                }
                turns++;
                try {
                    call.awaitReplyPlayed(replyTimeout);
                } catch (IllegalStateException e) {
                    failure = call.isClosed() ? null : "no reply: " + e.getMessage();
                    break;
                }
                List<ObservedDialog.Exchange> exchanges = dialog.of(callSid);
                TurnResult last = exchanges.get(exchanges.size() - 1).result();
                if (exchanges.size() > before) {
                    transcript.add("heard " + exchanges.get(exchanges.size() - 1).request().text()
                            + "  ->  [" + last.state().wireName() + " " + last.expecting() + "] " + last.reply());
                } else {
                    transcript.add("(no turn reached the dialog: a re-prompt)");
                }
                if (last.has(DialogAction.EndConversation.class) || call.isClosed()) {
                    break;
                }
                if (turns >= MAX_TURNS) {
                    return new Played(turns, true, fallbacks, transcript, "turn limit");
                }
                move = next(script, last, attempts, fallbacks);
            }
            call.awaitClosed(Duration.ofSeconds(15));
        }
        return new Played(turns, false, fallbacks, transcript, failure);
    }

    private static Move next(SpokenCallScript script, TurnResult last, Map<Expectation.Slot, Integer> attempts,
                             Map<String, Integer> fallbacks) {
        Expectation.Slot slot = last.expecting().slot();
        String reply = last.reply().toLowerCase(Locale.ROOT);
        if (reply.contains("keypad") || reply.contains("press 1")) {
            String keys = script.keys().get(slot);
            if (keys != null) {
                fallbacks.merge("keypad", 1, Integer::sum);
                return Move.key(keys);
            }
        }
        if (last.state().isTerminal() && last.state() != DialogState.OWNER_BRIEFING) {
            return Move.say(SpokenCallScript.DONE);
        }
        int attempt = attempts.merge(slot, 1, Integer::sum) - 1;
        if (attempt > 0 && slot != Expectation.Slot.NONE) {
            fallbacks.merge("re-asked", 1, Integer::sum);
        }
        List<String> lines = script.answers().getOrDefault(slot, List.of());
        if (lines.isEmpty() || (slot == Expectation.Slot.NONE && attempt >= lines.size())) {
            return Move.say(SpokenCallScript.DONE);
        }
        return Move.say(script.answer(slot, attempt));
    }

    private record Move(String line, String keys) {
        static Move say(String line) {
            return new Move(line, null);
        }

        static Move key(String digits) {
            return new Move(null, digits);
        }
    }
}

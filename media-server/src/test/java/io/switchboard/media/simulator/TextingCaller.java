package io.switchboard.media.simulator;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's side of a booking that the call handed on to text ("I'll text you now: just reply with your name"):
 * the caller replies to the text with what it asked for, typed as a person writes it ("John Smith", "12 Park Road"),
 * and answers the read-back that comes back by text, with "no" and the detail again when the job, the day, the time or
 * the address in it is not theirs. Typing is what this way in is for: nothing is misheard, so what the corpus learns here is whether the
 * conversation the call started finishes by text, and how many calls needed it.
 */
final class TextingCaller {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** Texts after which a text conversation that has not finished is counted as stuck. */
    static final int MAX_TEXTS = 5;

    private TextingCaller() {
    }

    /** What the call ended with, when it handed the booking on to text: the question the text asks. */
    static Optional<Expectation.Slot> handedOn(List<ObservedDialog.Exchange> call) {
        if (call.isEmpty()) {
            return Optional.empty();
        }
        TurnResult last = call.get(call.size() - 1).result();
        if (!last.has(DialogAction.ContinuesByText.class)) {
            return Optional.empty();
        }
        return Optional.of(last.expecting().slot());
    }

    /**
     * Replies by text until the booking is made, the dialog asks something this caller cannot type an answer to, or
     * {@link #MAX_TEXTS} texts have gone; returns the call's {@code played} with the texts added to its transcript and
     * "by text" to its fallbacks.
     */
    static SpokenCallRunner.Played finish(SpokenCallScript script, DialogEngine dialog, Expectation.Slot asked,
                                          SpokenCallRunner.Played played) {
        List<String> transcript = new ArrayList<>(played.transcript());
        Map<String, Integer> fallbacks = new LinkedHashMap<>(played.fallbacks());
        fallbacks.merge("by text", 1, Integer::sum);
        String text = typed(script, asked, 0);
        Map<Expectation.Slot, Integer> corrected = new EnumMap<>(Expectation.Slot.class);
        for (int sent = 0; sent < MAX_TEXTS && text != null; sent++) {
            TurnResult r = dialog.handle(TurnRequest.text(Channel.SMS, script.phone(), script.phone(), text));
            transcript.add("texts " + text + "  ->  [" + r.state().wireName() + " " + r.expecting() + "] "
                    + r.reply());
            if (r.has(DialogAction.Booked.class) || r.state().isTerminal()) {
                break;
            }
            text = answer(script, r, corrected);
        }
        return new SpokenCallRunner.Played(played.turns(), played.looped(), fallbacks, transcript, played.failure());
    }

    /**
     * The caller's next text: the detail asked for, or their answer to the read-back (a detail corrected again is
     * put in their next phrasing, as on the phone); null when they have none.
     */
    private static String answer(SpokenCallScript script, TurnResult r, Map<Expectation.Slot, Integer> corrected) {
        Expectation.Slot slot = r.expecting().slot();
        if (slot != Expectation.Slot.YES_NO) {
            return typed(script, slot, 0);
        }
        Expectation.Slot wrong = wrongInReadBack(script, r.reply().toLowerCase(Locale.ROOT));
        if (wrong == null) {
            return "yes";
        }
        String detail = typed(script, wrong, corrected.merge(wrong, 1, Integer::sum) - 1);
        return detail == null ? "no" : "no, " + (wrong == Expectation.Slot.ADDRESS ? "it's " : "") + detail;
    }

    /**
     * What in a text read-back ("To confirm: drain cleaning, Wed 25 Nov 08:00, 25 Queen Street. Book it?", "Move your
     * general repair from … to tomorrow 10:00?") is not what this caller wants: the job, the day, the time, the
     * address, as a person checks a text before replying yes; null when all of it is theirs. As on the phone, the
     * first thing read wrong is the one corrected.
     */
    static Expectation.Slot wrongInReadBack(SpokenCallScript script, String reply) {
        SpokenCallScript.Expected want = script.expected();
        // The read-back may follow what the reply did first ("OK, I've changed the name to Sarah Jones. To confirm:")
        int confirm = reply.indexOf("to confirm:");
        int moveAt = reply.indexOf("move your");
        boolean move = confirm < 0 && moveAt >= 0 && reply.indexOf(" to ", moveAt) > 0;
        if ((confirm < 0 && !move) || want.start() == null) {
            return null; // not a read-back of a booking or a move: nothing of theirs to check
        }
        String readBack = reply.substring(move ? moveAt : confirm);
        String when = move ? readBack.substring(readBack.lastIndexOf(" to ")) : readBack;
        if (want.serviceId() != null && !readBack.contains(SpokenCaller.serviceName(want.serviceId()))) {
            return Expectation.Slot.SERVICE;
        }
        LocalDate day = want.start().toLocalDate();
        // "wed 25 nov", as a text writes a later day: the day of the month with its month, not a house number
        boolean dayRight = day.equals(SpokenCallCorpus.NOW.toLocalDate().plusDays(1)) ? when.contains("tomorrow")
                : when.contains(DAY.format(day).toLowerCase(Locale.ROOT));
        if (!dayRight || !when.contains(HOUR.format(want.start()))) {
            return Expectation.Slot.DATE_TIME;
        }
        String address = want.address();
        if (!move && address != null && !readBack.contains(SpokenCaller.written(address))) {
            return Expectation.Slot.ADDRESS;
        }
        return null;
    }

    /**
     * The answer to {@code slot} as the caller types it: their name and address as written, anything else (a pick
     * among times the text offers, a job) in their {@code attempt}th phrasing; null when the script has none.
     */
    private static String typed(SpokenCallScript script, Expectation.Slot slot, int attempt) {
        return switch (slot) {
            case NAME -> script.expected().name() == null ? null : capitalised(script.expected().name());
            case ADDRESS -> script.expected().address() == null ? null
                    : capitalised(SpokenCaller.written(script.expected().address()));
            default -> script.answer(slot, attempt);
        };
    }

    private static String capitalised(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }
}

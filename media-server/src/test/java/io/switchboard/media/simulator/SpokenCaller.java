package io.switchboard.media.simulator;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TextNormalizer;
import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.testing.TestProfiles;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The caller's side of one corpus call, whatever carries it: after each reply it answers what it was asked (the
 * dialog's expectation for that reply, as a person understands a question), in the next of its phrasings when the
 * same question comes again, and on the keypad when the reply asks for keys. It keeps the call's transcript, turns
 * and fallbacks for the judge.
 */
final class SpokenCaller {

    /** What the caller does next: say {@code line} or key {@code keys} (ending with '#'). */
    record Move(String line, String keys) {
        static Move say(String line) {
            return new Move(line, null);
        }

        static Move key(String digits) {
            return new Move(null, digits + "#");
        }
    }

    /** What the caller says to a repeated yes-or-no question about a read-back that was wrong. */
    static final String NO = "no";

    /** How a caller names the part of a read-back that was wrong, when asked which part to change. */
    private static final Map<Expectation.Slot, String> PART_TO_CHANGE = Map.of(Expectation.Slot.NAME, "the name",
            Expectation.Slot.DATE_TIME, "the day and time", Expectation.Slot.ADDRESS, "the address");

    /** The business the corpus calls (its service names, as the read-back says them). */
    private static final BusinessProfile PROFILE = TestProfiles.sample();
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private final SpokenCallScript script;
    private final Map<String, Integer> fallbacks = new LinkedHashMap<>();
    private final Map<Expectation.Slot, Integer> attempts = new EnumMap<>(Expectation.Slot.class);
    private final Map<Expectation.Slot, Integer> corrections = new EnumMap<>(Expectation.Slot.class);
    private final List<String> transcript = new ArrayList<>();
    private TurnResult last;
    private int exchangesBefore;
    private int turns;
    private boolean looped;
    /** Whether the last read-back heard got something wrong (and the caller said so). */
    private boolean readBackWrong;
    /** What was wrong in it, or null. */
    private Expectation.Slot wrongInReadBack;

    SpokenCaller(SpokenCallScript script) {
        this.script = script;
    }

    /** The first line, after the greeting; {@code conversation} is the dialog's turns so far. */
    Move opening(List<ObservedDialog.Exchange> conversation) {
        return made(Move.say(script.opening()), conversation);
    }

    /** Takes in the reply just played; true when it ended the conversation. */
    boolean hear(List<ObservedDialog.Exchange> conversation) {
        last = conversation.get(conversation.size() - 1).result();
        if (conversation.size() > exchangesBefore) {
            var request = conversation.get(conversation.size() - 1).request();
            transcript.add("heard " + request.text()
                    + (request.alternatives().isEmpty() ? "" : "  " + request.alternatives())
                    + "  ->  [" + last.state().wireName() + " " + last.expecting() + "] " + last.reply());
        } else {
            transcript.add("(no turn reached the dialog: a re-prompt)");
        }
        return last.has(DialogAction.EndConversation.class);
    }

    /** The answer to the reply last heard, or null once the call has taken too many turns (a loop). */
    Move next(List<ObservedDialog.Exchange> conversation) {
        if (turns >= SpokenCallRunner.MAX_TURNS) {
            looped = true;
            return null;
        }
        return made(decide(), conversation);
    }

    boolean looped() {
        return looped;
    }

    SpokenCallRunner.Played played(String failure) {
        return new SpokenCallRunner.Played(turns, looped, fallbacks, transcript, looped ? "turn limit" : failure);
    }

    /**
     * Checks a booking or move read-back against what this caller wants, as a person listening to it would: the job,
     * the day (and that it is a morning, the part of day they asked for), their name and their street and house
     * number. On the first thing that is wrong, in that order, they say "no" with that thing again, in their next
     * phrasing when it is wrong again; null when the read-back is right or is not one.
     */
    private Move readBackCorrection(String reply) {
        SpokenCallScript.Expected want = script.expected();
        boolean booking = reply.contains("shall i book it");
        boolean move = reply.contains("shall i go ahead") && reply.contains(" to ");
        if (!(booking || move) || want.start() == null) {
            // Asked again ("was that a yes or a no?") about a read-back they already said no to: still no.
            return readBackWrong && last.state() == DialogState.AWAITING_CONFIRMATION ? Move.say(NO) : null;
        }
        readBackWrong = false;
        wrongInReadBack = null;
        // A move reads back "from <old> to <new>": only the new time is the caller's to check.
        String heard = move ? reply.substring(reply.lastIndexOf(" to ")) : reply;
        Expectation.Slot wrong = null;
        if (booking && want.address() != null && !heard.contains(" at " + written(want.address()))) {
            wrong = Expectation.Slot.ADDRESS;
        }
        if (booking && want.name() != null && !heard.contains(want.name())) {
            wrong = Expectation.Slot.NAME;
        }
        if (!heard.contains(dayWords(want.start().toLocalDate())) || !heard.contains(" a m")) {
            wrong = Expectation.Slot.DATE_TIME;
        }
        if (booking && want.serviceId() != null && !heard.contains(serviceName(want.serviceId()))) {
            wrong = Expectation.Slot.SERVICE;
        }
        if (wrong == null) {
            return null;
        }
        readBackWrong = true;
        wrongInReadBack = wrong;
        fallbacks.merge("corrected", 1, Integer::sum);
        if (script.answers().getOrDefault(wrong, List.of()).isEmpty()) {
            return Move.say(NO);
        }
        int attempt = corrections.merge(wrong, 1, Integer::sum) - 1;
        return Move.say(SpokenCallScript.correction(script.answer(wrong, attempt)));
    }

    /** Every line this caller may say, for rendering before the call: the script's, and its job's listed name. */
    static Set<String> lines(SpokenCallScript script) {
        Set<String> lines = new LinkedHashSet<>(script.allLines());
        lines.addAll(PART_TO_CHANGE.values());
        if (script.expected().serviceId() != null) {
            lines.add(serviceName(script.expected().serviceId()));
        }
        return lines;
    }

    /** The caller's job when the question about the job names it among others, else null. */
    private String listedService(String reply) {
        String wanted = script.expected().serviceId();
        if (wanted == null || !(reply.contains("which of those") || reply.contains(", or "))) {
            return null;
        }
        String name = serviceName(wanted);
        return reply.contains(name) ? name : null;
    }

    /** How a read-back writes a spoken address: "twelve park road" as "12 park road". */
    static String written(String spokenAddress) {
        return NORMALIZER.normalize(spokenAddress).text();
    }

    private static String dayWords(LocalDate day) {
        return day.equals(SpokenCallCorpus.NOW.toLocalDate().plusDays(1)) ? "tomorrow"
                : day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
    }

    /** The listed name of a job of the corpus's business, as read-backs write it (lower case). */
    static String serviceName(String serviceId) {
        return PROFILE.services().stream().filter(s -> s.id().equals(serviceId)).findFirst().orElseThrow()
                .name().toLowerCase(Locale.ROOT);
    }

    private Move made(Move move, List<ObservedDialog.Exchange> conversation) {
        exchangesBefore = conversation.size();
        turns++;
        transcript.add(move.keys() != null ? "keys  " + move.keys() : "says  " + move.line());
        return move;
    }

    private Move decide() {
        Expectation.Slot slot = last.expecting().slot();
        String reply = last.reply().toLowerCase(Locale.ROOT);
        Move correction = slot == Expectation.Slot.YES_NO ? readBackCorrection(reply) : null;
        if (correction != null) {
            return correction;
        }
        String part = wrongInReadBack != null && reply.contains("what would you like to change")
                ? PART_TO_CHANGE.get(wrongInReadBack) : null;
        if (part != null) {
            // "What would you like to change: the day or time, the address, or something else?" after their no:
            // the part that was wrong, in the question's own terms.
            return Move.say(part);
        }
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
        String listed = slot == Expectation.Slot.SERVICE ? listedService(reply) : null;
        if (listed != null) {
            // "Is that a general repair, or a drain cleaning?", "We do … Which of those is closest?": a person
            // asked to choose among named jobs picks theirs.
            fallbacks.merge("picked from the list", 1, Integer::sum);
            return Move.say(listed);
        }
        int attempt = attempts.merge(slot, 1, Integer::sum) - 1;
        if (attempt > 0 && slot != Expectation.Slot.NONE) {
            fallbacks.merge("re-asked", 1, Integer::sum);
        }
        List<String> lines = script.answers().getOrDefault(slot, List.of());
        if (lines.isEmpty() && slot != Expectation.Slot.NONE && !script.answers().getOrDefault(
                Expectation.Slot.NONE, List.of()).isEmpty()) {
            // Asked something that is not what they called about ("what do you need help with?" on a call to move
            // an appointment): a person says again what they want, in their next phrasing each time.
            int purpose = attempts.merge(Expectation.Slot.NONE, 1, Integer::sum) - 1;
            List<String> wants = script.answers().get(Expectation.Slot.NONE);
            return purpose >= wants.size() ? Move.say(SpokenCallScript.DONE)
                    : Move.say(script.answer(Expectation.Slot.NONE, purpose));
        }
        if (lines.isEmpty() || (slot == Expectation.Slot.NONE && attempt >= lines.size())) {
            return Move.say(SpokenCallScript.DONE);
        }
        return Move.say(script.answer(slot, attempt));
    }
}

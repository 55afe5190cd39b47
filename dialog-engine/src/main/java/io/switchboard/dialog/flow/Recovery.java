package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery by policy, the way voice platforms count no-match events. Each question has a counter of answers in a
 * row that were not understood (the turn changed nothing and the same question is pending):
 * <ol>
 *   <li>the first failure rephrases the question with an example;</li>
 *   <li>the second offers another way in: keypad digits on voice, a format hint in text, or choices (the next free
 *       times for "when", the list of services for "what");</li>
 *   <li>the third accepts the best reading the caller gave (a name or an address taken as said, shown again at
 *       the confirmation), skips an optional question (the problem), or hands off: a message for the owner.</li>
 * </ol>
 * Independently, a conversation that changes nothing for {@link #MAX_STALLED_TURNS} turns in a row is handed off,
 * whatever was said, one whose read-back was refused more than {@link #MAX_REFUSED_READ_BACKS} times (a
 * correction misheard anew each time is progress every turn), and one that asks the same question more than
 * {@link #MAX_TIMES_ASKED} times anew (readings that go round in a circle), so no conversation can loop.
 */
final class Recovery {

    static final int MAX_STALLED_TURNS = 6;
    /**
     * Read-backs a caller may say no to (a wrong day, then a wrong name) before a hand-off: each refusal costs two to
     * four turns on a voice call (the no, "what would you like to change?", the detail asked again), so a third means
     * the detail is being misheard, not corrected.
     */
    static final int MAX_REFUSED_READ_BACKS = 2;
    /**
     * Times a flow may come to one question from another: the first time and twice more after corrections sent the
     * caller back to it. (Re-asking after a failed answer or after answering an FAQ question is not coming to it; the
     * no-match counter bounds those.)
     */
    static final int MAX_TIMES_ASKED = 3;
    static final int GIVE_UP_AFTER = 3;
    private static final int MAX_NAME_WORDS = 4;
    private static final int MAX_TAKEN_CHARS = 120;
    static final String NOT_DESCRIBED = "Not described";
    /** Sounds and words that are never a name, however often they are said. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("um", "umm", "uh", "uhh", "er", "erm",
            "hmm", "hm", "mm", "eh", "huh", "ah", "oh", "what", "sorry", "pardon", "yes", "yeah", "no", "ok", "okay",
            "hello", "hi", "why", "dunno", "nothing", "asdf", "test");

    private final BookingFlow booking;
    private final HandOffFlow handOffs;

    Recovery(BookingFlow booking, HandOffFlow handOffs) {
        this.booking = booking;
        this.handOffs = handOffs;
    }

    /** Applies the policy to a turn the flows have just handled; {@code before} is the state it started from. */
    void afterTurn(Turn t, Progress before, Expectation askedBefore) {
        Conversation c = t.conv;
        if (c.state == DialogState.OWNER_BRIEFING || before.state() == DialogState.OWNER_BRIEFING) {
            // The owner's questions are answered from the diary and change nothing by design; but an owner who is
            // not understood time after time (a goodbye the recogniser garbles) must not hear "sorry?" for ever.
            if (t.understood || !t.actions.isEmpty()) {
                c.noMatch = 0;
            } else if (++c.noMatch >= GIVE_UP_AFTER) {
                t.unsay();
                t.say(t.say.goodbye());
                t.actions.add(new DialogAction.EndConversation());
                c.noMatch = 0;
            }
            return;
        }
        if (c.refusedReadBacks > MAX_REFUSED_READ_BACKS && !c.state.isTerminal()) {
            // the same detail misheard again at every read-back. A name or an address the caller can type goes on
            // by text where this deployment texts callers; anything else, or no texting, and a person takes a
            // message rather than guess again.
            Expectation misheard = t.heard.name() != null ? Expectation.NAME
                    : t.heard.address() != null ? Expectation.ADDRESS
                    : c.correcting == Expectation.Slot.NAME ? Expectation.NAME
                    : c.correcting == Expectation.Slot.ADDRESS ? Expectation.ADDRESS : null;
            if (misheard != null && continuesByText(t, misheard)) {
                return;
            }
            handOff(t, "read_back_refused");
            return;
        }
        boolean cameBack = !c.expecting.equals(askedBefore); // a question asked anew, not re-asked after an FAQ answer
        if (cameBack && !c.state.isTerminal() && !c.expecting.is(Expectation.Slot.NONE)
                && c.timesAsked.merge(c.state + "/" + c.expecting.slot(), 1, Integer::sum) > MAX_TIMES_ASKED) {
            // the same question once more than any caller needs: the readings go round in a circle
            handOff(t, "no_progress");
            return;
        }
        boolean progressed = !Progress.of(c).equals(before) || !t.actions.isEmpty();
        if (progressed || c.state.isTerminal()) {
            c.noMatch = 0;
            c.stalledTurns = 0;
            return;
        }
        c.stalledTurns++;
        if (c.stalledTurns >= MAX_STALLED_TURNS) {
            handOff(t, "no_progress");
            return;
        }
        if (t.understood || t.questionUnheard || !c.expecting.equals(askedBefore)) {
            return; // a question answered, a greeting, a yes over an unheard question: not a failed answer
        }
        c.noMatch++;
        if (c.noMatch >= GIVE_UP_AFTER) {
            giveUp(t, c.expecting);
            return;
        }
        askAgain(t, c.expecting, c.noMatch);
    }

    private void askAgain(Turn t, Expectation slot, int failures) {
        Conversation c = t.conv;
        t.unsay();
        t.say(t.say.notUnderstood());
        if (failures >= 2 && continuesByText(t, slot)) {
            return;
        }
        if (failures >= 2 && slot.is(Expectation.Slot.PROBLEM)) {
            skipProblem(t);
            return;
        }
        if (failures >= 2 && slot.is(Expectation.Slot.DATE_TIME) && c.topic == Intent.BOOK && c.serviceId != null) {
            // choices instead of another open question: the next free times
            c.wanted = new ArrayList<>(List.of(TimePreference.asSoonAsPossible()));
            booking.next(t);
            return;
        }
        // The re-ask is worded for what the caller was offered: an option number among starts read out, a time
        // within spans of free time ("openings from eight to six" has no "first" or "third").
        Expectation phrasedFor = slot;
        if (slot.is(Expectation.Slot.SLOT_CHOICE) && !c.offered.isEmpty()) {
            List<ZonedDateTime> offered = c.offered;
            if (failures >= 2) {
                offered = c.offered.subList(0, Math.min(3, c.offered.size()));
                t.say(t.say.offerStarts(offered, t.today(), null));
            }
            phrasedFor = Expectation.offering(offered);
        }
        List<String> services = t.profile().services().stream().filter(s -> !s.emergency())
                .map(ServiceType::name).toList();
        t.ask(t.say.askAgain(phrasedFor, failures, services), slot, c.state);
    }

    /**
     * A name or an address that speech failed twice, on a call from a number that can take texts, when this
     * deployment texts callers: the booking carries on by SMS, where the caller types it. Never promised otherwise.
     */
    private static boolean continuesByText(Turn t, Expectation slot) {
        Conversation c = t.conv;
        boolean spelledBetter = slot.is(Expectation.Slot.NAME) || slot.is(Expectation.Slot.ADDRESS);
        if (!spelledBetter || c.channel != Channel.VOICE || c.callerId == null || c.topic != Intent.BOOK
                || !t.notifier.textsCallers()) {
            return false;
        }
        t.unsay();
        t.say(t.say.continueByText(slot));
        t.actions.add(new DialogAction.ContinuesByText(c.callerId,
                Phrasing.forChannel(Channel.SMS).textPrompt(slot, t.profile().name())));
        t.actions.add(new DialogAction.EndConversation());
        c.expecting = slot;
        // The text is a fresh start: its bounds count what happens by text, not the turns speech already spent (a
        // typed correction of the misheard address must not be the refusal that hands the booking off).
        c.noMatch = 0;
        c.stalledTurns = 0;
        c.refusedReadBacks = 0;
        c.timesAsked.clear();
        return true;
    }

    private void giveUp(Turn t, Expectation slot) {
        Conversation c = t.conv;
        String said = t.heard.original().strip();
        switch (slot.slot()) {
            case NAME -> {
                String name = asGivenName(said);
                if (name.isEmpty() || c.topic != Intent.BOOK) {
                    handOff(t, "not_understood");
                    return;
                }
                c.name = name;
                continueWith(t, t.say.takenAsGiven(Expectation.NAME, name));
            }
            case ADDRESS -> {
                if (said.isEmpty() || c.topic != Intent.BOOK) {
                    handOff(t, "not_understood");
                    return;
                }
                c.address = said.length() > MAX_TAKEN_CHARS ? said.substring(0, MAX_TAKEN_CHARS) : said;
                c.addressParts = null;
                continueWith(t, t.say.takenAsGiven(Expectation.ADDRESS, c.address));
            }
            case PROBLEM -> {
                t.unsay();
                skipProblem(t);
            }
            case PIN -> {
                t.unsay();
                t.say(t.say.pinLocked());
                t.actions.add(new DialogAction.EndConversation());
                c.state = DialogState.FAILED;
                c.expecting = Expectation.NONE;
            }
            default -> handOff(t, "not_understood");
        }
    }

    private void skipProblem(Turn t) {
        t.conv.problem = NOT_DESCRIBED;
        t.conv.noMatch = 0;
        t.say(t.say.skipped(Expectation.PROBLEM));
        booking.next(t);
    }

    private void continueWith(Turn t, String acknowledgement) {
        t.unsay();
        t.conv.noMatch = 0;
        t.conv.stalledTurns = 0;
        t.say(acknowledgement);
        booking.next(t);
    }

    /** Takes a message for the owner and ends the conversation: never another round of the same question. */
    void handOff(Turn t, String reason) {
        handOffs.giveUp(t, reason);
    }

    /** The caller's own words as a name: up to four words, fillers dropped, capitals added only where none were. */
    static String asGivenName(String said) {
        String cleaned = said.replaceAll("(?i)^(?:(?:my name is|my name's|it's|it is|this is|i'm|i am|name's|yes|yeah"
                + "|er|um|erm|so)[ ,.]+)+", "").replaceAll("[^\\p{L}\\p{M}'’. -]", " ").strip();
        cleaned = cleaned.replaceAll("(?i)(?:\\s+(?:thanks|thank you|thx|thanx|ty|ta|cheers|please|pls|mate))+$", "").strip();
        String[] words = cleaned.split("\\s+");
        if (cleaned.isEmpty() || words.length > MAX_NAME_WORDS
                || java.util.Arrays.stream(words).allMatch(w -> NOT_NAMES.contains(w.toLowerCase(Locale.ROOT)))) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String w : words) {
            boolean lower = w.equals(w.toLowerCase(Locale.ROOT));
            out.add(lower && !w.isEmpty() ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return String.join(" ", out);
    }
}

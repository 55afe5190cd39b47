package io.switchboard.dialog.understanding;

import io.switchboard.models.Intent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a recogniser's hypotheses of one turn (its choice first, then its n-best list) and keeps the first whose
 * reading answers the question just asked: "the earliest one" over "the earliest won", "sarah jones" over "sorry
 * jones". When none answers it, or nothing in particular was asked (an open question, a description), the
 * recogniser's own choice is read: a lower-ranked hypothesis never turns an open remark into a booking or an
 * emergency.
 * <p>
 * A name is the one answer whose mishearings answer just as well ("johnson said" for "john smith"), so fitting is not
 * enough there: when the reading's name holds a word that is no common name, a lower hypothesis read the same way
 * (same intent, same slot answered) whose name is made of common names wins. A rare name the recogniser heard right
 * stays unless a lower hypothesis turns it into common names; the read-back is there for that.
 */
public final class Hypotheses {

    private final LanguageUnderstanding rules;

    public Hypotheses(LanguageUnderstanding rules) {
        this.rules = rules;
    }

    /**
     * The reading of the best hypothesis for {@code ctx}'s expectation.
     *
     * @param chosen       the recogniser's choice (or the typed text)
     * @param alternatives its other hypotheses, best first; may repeat {@code chosen}
     */
    public Understanding understand(String chosen, List<String> alternatives, UnderstandingContext ctx) {
        Understanding first = rules.understand(chosen, ctx);
        Expectation asked = ctx.expected();
        if (alternatives.isEmpty() || !hasClosedAnswer(asked)) {
            return first;
        }
        Set<String> others = new LinkedHashSet<>(alternatives);
        others.remove(chosen);
        if (answers(first, asked)) {
            return commonerName(first, others, ctx);
        }
        for (String other : new ArrayList<>(others)) {
            Understanding u = rules.understand(other, ctx);
            if (answers(u, asked)) {
                return commonerName(u, others, ctx);
            }
        }
        // None answers: still the recogniser's choice, but its name may be weighed too ("i know my name is john
        // said" at a read-back, a correction the "no" of which was heard as "i know").
        return commonerName(first, others, ctx);
    }

    /**
     * {@code reading}, or the first of {@code others} read the same way (same intent, answering the question or not
     * as {@code reading} does) whose name is all common names when {@code reading}'s is not. Only where a name is
     * what was asked or what a read-back's "no" may carry.
     */
    private Understanding commonerName(Understanding reading, Set<String> others, UnderstandingContext ctx) {
        Expectation asked = ctx.expected();
        boolean nameMatters = asked.is(Expectation.Slot.NAME) || asked.is(Expectation.Slot.YES_NO);
        if (!nameMatters || reading.name().isEmpty() || CommonNames.allCommon(reading.name().get())) {
            return reading;
        }
        for (String other : others) {
            Understanding u = rules.understand(other, ctx);
            if (u.intent() == reading.intent() && answers(u, asked) == answers(reading, asked) && u.name().isPresent()
                    && CommonNames.allCommon(u.name().get())) {
                return u;
            }
        }
        return reading;
    }

    private static boolean hasClosedAnswer(Expectation asked) {
        return !asked.is(Expectation.Slot.NONE) && !asked.is(Expectation.Slot.PROBLEM);
    }

    /** Whether the reading fills the slot that was asked for. */
    static boolean answers(Understanding u, Expectation asked) {
        return switch (asked.slot()) {
            case YES_NO -> u.intent() == Intent.AFFIRM || u.intent() == Intent.DENY;
            case NAME -> u.name().isPresent();
            case PHONE -> u.phone().isPresent();
            case ADDRESS -> u.address().isPresent();
            case SERVICE -> u.service().isPresent();
            case DATE_TIME -> u.times().stream().anyMatch(t -> !t.isEmpty());
            case PIN -> u.digits().isPresent();
            case SLOT_CHOICE -> u.choice().isPresent() || u.times().stream().anyMatch(t -> t.time() != null);
            case CHANGE -> changes(u);
            case NONE, PROBLEM -> true;
        };
    }

    /**
     * Whether a reading answers "what would you like to change?": it names the part ("the address"), gives the new
     * detail itself, or says no (nothing needs changing). A bare "yeah" answers nothing here: heard for "the
     * address", it must not win over a lower hypothesis that names it.
     */
    static boolean changes(Understanding u) {
        return PartToChange.named(u.text()).isPresent() || u.name().isPresent() || u.address().isPresent()
                || u.phone().isPresent() || u.service().isPresent() || u.times().stream().anyMatch(t -> !t.isEmpty())
                || u.intent() == Intent.DENY;
    }
}

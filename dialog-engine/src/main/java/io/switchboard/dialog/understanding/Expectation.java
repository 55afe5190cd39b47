package io.switchboard.dialog.understanding;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one contract for what the next answer is expected to be, carried by every turn result: the slot the reply
 * asked for, the options it offered (for a pick among slots), and whether a partial answer may end the caller's
 * turn early. The dialog reads the next message in its light ("3" after three offers is the third), the voice path
 * ends turns early and biases recognition from it, and the HTTP API exposes it. One answer-completeness rule reads
 * it: {@link AnswerCheck}.
 *
 * @param slot   what was asked for
 * @param offers the starts offered, in the order offered; empty unless {@code slot} is {@link Slot#SLOT_CHOICE}
 */
public record Expectation(Slot slot, List<ZonedDateTime> offers) {

    /** What a question asks for. */
    public enum Slot {
        NONE, YES_NO, NAME, PHONE, ADDRESS, PROBLEM, SERVICE, DATE_TIME, PIN, SLOT_CHOICE,
        /** Which detail of a refused read-back to change ("the address"), or the corrected detail itself. */
        CHANGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The most starts an offer reads out one by one ("I can do ten, half ten or eleven"); a choice among more is
     * among spans ("I have openings from eight to six"), where there is no "first" or "third" to name.
     */
    public static final int MOST_STARTS_READ_OUT = 4;

    public static final Expectation NONE = new Expectation(Slot.NONE, List.of());
    public static final Expectation YES_NO = new Expectation(Slot.YES_NO, List.of());
    public static final Expectation NAME = new Expectation(Slot.NAME, List.of());
    public static final Expectation PHONE = new Expectation(Slot.PHONE, List.of());
    public static final Expectation ADDRESS = new Expectation(Slot.ADDRESS, List.of());
    public static final Expectation PROBLEM = new Expectation(Slot.PROBLEM, List.of());
    public static final Expectation SERVICE = new Expectation(Slot.SERVICE, List.of());
    public static final Expectation DATE_TIME = new Expectation(Slot.DATE_TIME, List.of());
    public static final Expectation PIN = new Expectation(Slot.PIN, List.of());
    public static final Expectation SLOT_CHOICE = new Expectation(Slot.SLOT_CHOICE, List.of());
    public static final Expectation CHANGE = new Expectation(Slot.CHANGE, List.of());

    private static final Expectation[] BARE = {NONE, YES_NO, NAME, PHONE, ADDRESS, PROBLEM, SERVICE, DATE_TIME, PIN,
            SLOT_CHOICE, CHANGE};

    public Expectation {
        Objects.requireNonNull(slot, "slot");
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** A pick among {@code offers}. */
    public static Expectation offering(List<ZonedDateTime> offers) {
        return new Expectation(Slot.SLOT_CHOICE, offers);
    }

    /** The bare expectation for a slot name ({@code "YES_NO"}); also how tests and configs name one. */
    public static Expectation valueOf(String name) {
        return of(Slot.valueOf(name.trim().toUpperCase(Locale.ROOT)));
    }

    public static Expectation of(Slot slot) {
        return BARE[slot.ordinal()];
    }

    /** Every bare expectation, one per slot. */
    public static Expectation[] values() {
        return BARE.clone();
    }

    public boolean is(Slot s) {
        return slot == s;
    }

    /** The slot's name ({@code "DATE_TIME"}). */
    public String name() {
        return slot.name();
    }

    /**
     * Whether a partial answer can be complete enough to end the caller's turn before the full end-of-speech
     * pause: everything but a free description of the problem, where the caller decides when they are done.
     */
    public boolean endsEarly() {
        return slot != Slot.PROBLEM;
    }

    @Override
    public String toString() {
        return offers.isEmpty() ? slot.name() : slot.name() + offers.size();
    }
}

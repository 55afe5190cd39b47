package io.switchboard.dialog.understanding;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which detail of a read-back the caller names in answer to "What would you like to change: the day or time, the
 * address, or something else?" ("the address", "my name", "the time"). One reading for the flow that clears and asks
 * for that detail again and for recognition, which hears "the address" better when it knows those are the answers.
 */
public final class PartToChange {

    private static final Pattern WHEN = Pattern.compile(".* (?:time|day|date|when|appointment|slot) .*");
    private static final Pattern ADDRESS = Pattern.compile(".* (?:address|postcode|street|house) .*");
    private static final Pattern PHONE = Pattern.compile(".* (?:number|phone|mobile) .*");
    private static final Pattern NAME = Pattern.compile(".* name .*");

    /** How a caller names each part: the grammar of the question, in a recogniser's words. */
    private static final List<String> PHRASES = List.of("the day", "the time", "the date", "the day and time",
            "the day and the time", "the appointment", "the address", "my address", "the postcode", "the name",
            "my name", "the number", "my number", "the phone number", "nothing", "it's fine", "fine",
            "something else", "it's", "change", "please");

    private PartToChange() {
    }

    /** The part {@code normalized} names, checked in this order: when, address, phone, name; empty when none. */
    public static Optional<Expectation.Slot> named(String normalized) {
        String said = " " + normalized + " ";
        if (WHEN.matcher(said).matches()) {
            return Optional.of(Expectation.Slot.DATE_TIME);
        }
        if (ADDRESS.matcher(said).matches()) {
            return Optional.of(Expectation.Slot.ADDRESS);
        }
        if (PHONE.matcher(said).matches()) {
            return Optional.of(Expectation.Slot.PHONE);
        }
        if (NAME.matcher(said).matches()) {
            return Optional.of(Expectation.Slot.NAME);
        }
        return Optional.empty();
    }

    /** Phrases that answer the question, for a constrained second pass. */
    static List<String> phrases() {
        return PHRASES;
    }
}

package io.switchboard.dialog.understanding;

import java.util.List;

/**
 * One extractor's proposal for what some words of a message mean, with how sure it is. Several readings may claim
 * the same words ("3" is a time and an offer's number; "flat four" is an address and 4 pm; "Will Cash" is a name and
 * the payment question); the {@link ReadingResolver} keeps a consistent, non-overlapping set.
 */
public sealed interface Reading {

    /** The words of the message this reading used. */
    Words words();

    /** 0..1: how sure the extractor is, before the expectation is taken into account. */
    double confidence();

    /** The slot this reading fills, so the expectation can favour the one that was asked for. */
    Expectation.Slot answers();

    /** The same reading over other words (positions mapped from a shortened text back to the message). */
    Reading over(Words other);

    record Name(String name, Words words, double confidence) implements Reading {
        public Name over(Words other) {
            return new Name(name, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.NAME;
        }
    }

    record Phone(String e164, Words words, double confidence) implements Reading {
        public Phone over(Words other) {
            return new Phone(e164, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.PHONE;
        }
    }

    record Email(String email, Words words, double confidence) implements Reading {
        public Email over(Words other) {
            return new Email(email, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.NONE; // never asked for; it only keeps its words from the address and the name
        }
    }

    /** A whole address, or (from "flat 4", "unit 2b") only the part before the street. */
    record Address(String address, String postcode, AddressParts parts, Words words, double confidence)
            implements Reading {
        public Address over(Words other) {
            return new Address(address, postcode, parts, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.ADDRESS;
        }
    }

    record Times(List<TimePreference> times, Words words, double confidence) implements Reading {
        public Times {
            times = List.copyOf(times);
        }

        public Times over(Words other) {
            return new Times(times, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.DATE_TIME;
        }
    }

    /** A pick among the offered starts, by 0-based index. */
    record Choice(int index, Words words, double confidence) implements Reading {
        public Choice over(Words other) {
            return new Choice(index, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.SLOT_CHOICE;
        }
    }

    record Pin(String digits, Words words, double confidence) implements Reading {
        public Pin over(Words other) {
            return new Pin(digits, other, confidence);
        }

        public Expectation.Slot answers() {
            return Expectation.Slot.PIN;
        }
    }
}

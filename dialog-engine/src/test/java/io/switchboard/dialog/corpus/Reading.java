package io.switchboard.dialog.corpus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * What a caller takes from one reply: what they are being asked, the times on offer, and the booking being put to
 * them. Built from the reply's words only.
 *
 * @param ask      what the reply asks for
 * @param options  discrete times offered, in the order they were listed
 * @param ranges   spans offered ("openings from noon to six")
 * @param proposal the (first) day and time in a confirmation question, or null
 * @param proposalLast the last day and time in it ("move it from X to Y": Y), or null
 * @param refusal  the reply says something cannot be done (taken, closed, too far ahead)
 */
record Reading(Ask ask, List<LocalDateTime> options, List<Span> ranges, LocalDateTime proposal,
                      LocalDateTime proposalLast, boolean refusal) {

    enum Ask {
        GREETING, SERVICE, DAY_TIME, OFFERS, NAME, PHONE_CHECK, PHONE, ADDRESS, POSTCODE, EMAIL, CONFIRM,
        WHICH_APPOINTMENT, WHAT_TO_CHANGE, ANYTHING_ELSE, NOT_UNDERSTOOD, OTHER,
        /** "Is that a repair, or a new one fitted?": which of two services. */
        WHICH_SERVICE
    }

    /** A span of start times offered on one day. */
    record Span(LocalDate day, LocalTime from, LocalTime to) {
    }

    Reading {
        options = List.copyOf(options);
        ranges = List.copyOf(ranges);
    }

    boolean offersTimes() {
        return !options.isEmpty() || !ranges.isEmpty();
    }
}

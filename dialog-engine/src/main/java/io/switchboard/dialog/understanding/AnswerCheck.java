package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Whether a partial transcript already answers what the dialog asked, completely enough that waiting for more
 * speech would only add delay: a yes or no, a full PIN, a day with a time or part of day, a first and last name,
 * a service, a full phone number, an address with its postcode, a pick among the offers; and, to an open question
 * ("how can I help?", "anything else?"), a plain yes, no or goodbye, or a request that names a service. A voice front
 * end uses it to end the caller's turn after a short pause instead of the full end-of-speech hangover. Free-form
 * answers (the problem) never qualify: the caller decides when they are done.
 */
public final class AnswerCheck {

    private static final int PIN_DIGITS = 4;
    /** The rules' confidence in a booking request without a service above which it is more than a stray word. */
    private static final double FIRM_REQUEST = 0.8;

    private final BusinessProfile profile;
    private final Clock clock;
    private final LanguageUnderstanding rules = new LanguageUnderstanding();

    public AnswerCheck(BusinessProfile profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
    }

    /** Whether early ends are possible at all for this question, so partial transcripts are worth reading. */
    public static boolean applies(Expectation expecting) {
        return expecting != null && expecting.endsEarly();
    }

    /**
     * Whether the dialog can act on {@code heard} as an opening sentence ("how can I help?", "anything else?"): it
     * reads a request (a booking only when it names a service or is firmly a booking), a question, a yes or no, a
     * greeting or a goodbye, or names a service or an emergency. Unlike
     * {@link #answers} this is not about ending the turn early, only about whether a transcript means anything here.
     */
    public boolean actsOn(String heard) {
        if (heard == null || heard.isBlank()) {
            return false;
        }
        Understanding u = rules.understand(heard, new UnderstandingContext(now(), profile, Expectation.NONE,
                List.of()));
        return switch (u.intent()) {
            case UNKNOWN -> u.service().isPresent() || u.emergency();
            // "i'd like" alone in a mishearing reads as a weak booking; a firm one names its service or says so
            case BOOK -> u.service().isPresent() || u.emergency() || u.confidence() >= FIRM_REQUEST;
            default -> true;
        };
    }

    /**
     * Whether {@code heard} holds an address a second pass may vouch for: a house number and a street ("seven mill
     * road") or a postcode. Not {@link #answers}: without its postcode the caller may still be saying the address, so
     * the turn does not end early on it.
     */
    public boolean namesAnAddress(String heard) {
        if (heard == null || heard.isBlank()) {
            return false;
        }
        ZonedDateTime now = now();
        // read as if nothing were asked: an address asked for is read liberally ("the old rectory"), which a grammar
        // result of stray words would pass
        Understanding u = rules.understand(heard, new UnderstandingContext(now, profile, Expectation.NONE, List.of()));
        return u.address().isPresent() || u.postcode().isPresent();
    }

    /**
     * Whether the words answer the question asked, whatever may follow them: what a hypothesis must say to fit. A time
     * stopping on a bare hour answers, though the turn may not have ended ({@link #progress}).
     */
    public boolean answers(Expectation expecting, String partial) {
        return read(expecting, partial).map(u -> answered(expecting, u)).orElse(false);
    }

    /**
     * How far the words so far have got to the question asked.
     * <ul>
     *   <li>{@link Progress#NOT_YET} when they stop mid-phrase ({@link DanglingEnd}: "i need a", even "my boiler and",
     *       which names the service: more is coming), are a greeting alone ("hi there", then the request), or fall
     *       short of a closed question's answer ("tuesday" to "what day and time?");</li>
     *   <li>{@link Progress#ANSWERED} as {@link #answers}, except a time that stops on a bare hour
     *       ({@link MinutesMayFollow}: "tomorrow at twelve", then "thirty"), which cannot tell;</li>
     *   <li>{@link Progress#CANNOT_TELL} for anything else said to the open question ("how can I help?", "anything
     *       else?"): a topic that is no firm request ("i need to cancel my appointment", a question) or words the
     *       parser cannot place ("my chapters waiting", the small model's "my tap is leaking") may well be the whole
     *       sentence.</li>
     * </ul>
     */
    public Progress progress(Expectation expecting, String partial) {
        Optional<Understanding> read = read(expecting, partial);
        if (read.isEmpty()) {
            return Progress.NOT_YET;
        }
        Understanding u = read.get();
        if (answered(expecting, u)) {
            boolean timeGoesOn = (expecting.is(Expectation.Slot.DATE_TIME) || expecting.is(Expectation.Slot.SLOT_CHOICE))
                    && u.choice().isEmpty() && MinutesMayFollow.at(partial);
            return timeGoesOn ? Progress.CANNOT_TELL : Progress.ANSWERED;
        }
        return expecting.is(Expectation.Slot.NONE) && u.intent() != Intent.GREETING ? Progress.CANNOT_TELL
                : Progress.NOT_YET;
    }

    /** The words read against the question; empty when there is nothing to read or they stop mid-phrase. */
    private Optional<Understanding> read(Expectation expecting, String partial) {
        if (!applies(expecting) || partial == null || partial.isBlank() || DanglingEnd.at(partial)) {
            return Optional.empty();
        }
        ZonedDateTime now = now();
        // The turn result carries the offers; an expectation without them (an older caller of this check) gets
        // three stand-ins so "the second one" still resolves by position.
        List<ZonedDateTime> offers = !expecting.is(Expectation.Slot.SLOT_CHOICE) ? List.of()
                : !expecting.offers().isEmpty() ? expecting.offers()
                : List.of(now.plusDays(1), now.plusDays(1).plusHours(1), now.plusDays(1).plusHours(2));
        return Optional.of(
                rules.understand(partial, new UnderstandingContext(now, profile, expecting, offers)));
    }

    private static boolean answered(Expectation expecting, Understanding u) {
        return switch (expecting.slot()) {
            case YES_NO -> u.intent() == Intent.AFFIRM || u.intent() == Intent.DENY;
            case PIN -> u.digits().map(d -> d.replaceAll("\\D", "").length() >= PIN_DIGITS).orElse(false);
            case DATE_TIME -> u.times().stream().anyMatch(t -> t.time() != null || t.asap()
                    || (t.date() != null && t.partOfDay() != null));
            case NAME -> u.name().map(n -> n.trim().split("\\s+").length >= 2).orElse(false);
            case SERVICE -> u.service().isPresent();
            case PHONE -> u.phone().isPresent();
            case ADDRESS -> u.postcode().isPresent();
            case SLOT_CHOICE -> u.choice().isPresent() || u.times().stream().anyMatch(t -> t.time() != null);
            case NONE -> switch (u.intent()) {
                case AFFIRM, DENY, GOODBYE, HUMAN -> true;
                case BOOK, EMERGENCY -> u.confident() && u.service().isPresent();
                default -> false;
            };
            case PROBLEM -> false;
            case CHANGE -> Hypotheses.changes(u);
        };
    }

    /** The business's date now: what "tomorrow" and "tuesday the first" are counted from. */
    public java.time.LocalDate today() {
        return now().toLocalDate();
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(profile.timezone());
    }

    /** What the words so far are to the question asked; see {@link #progress}. */
    public enum Progress {
        ANSWERED,
        CANNOT_TELL,
        NOT_YET
    }
}

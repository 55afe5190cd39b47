package io.switchboard.dialog.corpus;

import io.switchboard.models.Channel;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One simulated caller: who they are, what they want (ground truth), how they talk, and what they will change.
 *
 * @param id          index in the corpus
 * @param category    what the dialog exercises
 * @param variant     the sub-kind within the category (e.g. "a fortnight"), for the report
 * @param channel     SMS, WhatsApp or voice (speech-to-text)
 * @param now         the local time the dialog takes place
 * @param callerId    the number they call or text from (E.164)
 * @param name        their name as they give it
 * @param phone       the number they want on the booking (E.164); differs from callerId when they say so
 * @param phoneSaid   how they say that other number, or null when it is the caller id
 * @param address     the job address
 * @param streetFirst they give the street first and the postcode only when asked (or in the next message)
 * @param problem     what is wrong, in their words, and the service it needs
 * @param wish        when they want it
 * @param fallback    what they settle for when the wish cannot be had (beyond the horizon, closed day), or null
 * @param email       an email address they give, or null
 * @param opening     the first message in canonical words (styled for the channel when sent)
 * @param twists      scripted changes
 * @param pickStyle   how they pick from a numbered list ("digit", "ordinal", "option", "later"), or null
 * @param goal        book, reschedule or cancel
 * @param existing    appointments already on the calendar for this caller (reschedule/cancel) or for others
 * @param target      for reschedule/cancel, the index in existing of the appointment meant
 * @param expects     for a decline or an FAQ question, the words a right reply holds (a service the business does,
 *                    the owner's answer); else null
 */
record Persona(int id, Category category, String variant, Channel channel, LocalDateTime now, String callerId,
               PersonName name, String phone, String phoneSaid, Address address, boolean streetFirst,
               Problem problem, Wish wish, Wish fallback, String email, String opening, List<Twist> twists,
               String pickStyle, Goal goal, List<Existing> existing, int target, String expects) {

    /**
     * What the caller rang for. HAND_OFF: a person is the right outcome (nothing booked, conversation handed off);
     * no issue-11 category uses it yet, later categories (asking for a person, safety) will. DECLINE: work the
     * business does not do; right is a polite no that says what it does, and nothing booked. ANSWER: an FAQ
     * question; right is the owner's answer to it, and nothing booked.
     */
    enum Goal { BOOK, RESCHEDULE, CANCEL, HAND_OFF, DECLINE, ANSWER }

    /** What is wrong, in the caller's words, the service it needs, and a plainer way to say it if not understood. */
    record Problem(String words, String serviceId, String plainWords) {
    }

    /** An appointment put on the calendar before the dialog. {@code mine}: booked by this caller. */
    record Existing(String serviceId, LocalDateTime start, boolean mine) {
    }

    Persona {
        twists = List.copyOf(twists);
        existing = List.copyOf(existing);
    }

    /** A caller whose right outcome is a stored booking, move or cancellation. */
    Persona(int id, Category category, String variant, Channel channel, LocalDateTime now, String callerId,
            PersonName name, String phone, String phoneSaid, Address address, boolean streetFirst, Problem problem,
            Wish wish, Wish fallback, String email, String opening, List<Twist> twists, String pickStyle, Goal goal,
            List<Existing> existing, int target) {
        this(id, category, variant, channel, now, callerId, name, phone, phoneSaid, address, streetFirst, problem, wish,
                fallback, email, opening, twists, pickStyle, goal, existing, target, null);
    }

    /** The patient comes to the practice: no address is asked for or stored. */
    boolean comesIn() {
        return category.dentist();
    }

    boolean voice() {
        return channel == Channel.VOICE;
    }
}

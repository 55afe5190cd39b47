package io.switchboard.dialog.corpus;

import java.util.List;

/**
 * One played dialog.
 *
 * @param persona       who called
 * @param outcome       the verdict
 * @param reason        why (for failures: the mismatching fields, the loop, where it stuck)
 * @param shape         a short, instance-free description used to group failures
 * @param turns         caller messages sent
 * @param turnsToBooking caller messages until the turn that stored the booking, or -1
 * @param questionAnswered for a question asked with a booking: whether the first reply answered it; else null
 * @param safetyAdviceFirst for a caller describing a danger: whether the reply to it began with the profile's
 *                      advice (before any booking question); else null
 * @param transcript    the conversation, one line per message
 */
record DialogRecord(Persona persona, Outcome outcome, String reason, String shape, int turns, int turnsToBooking,
                    Boolean questionAnswered, Boolean safetyAdviceFirst, List<String> transcript) {

    DialogRecord {
        transcript = List.copyOf(transcript);
    }
}

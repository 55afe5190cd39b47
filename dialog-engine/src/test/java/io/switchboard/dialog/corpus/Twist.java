package io.switchboard.dialog.corpus;

/**
 * A scripted change of the caller's wish or details: a correction, a change of mind, or a bare "no". Once said, the
 * new values become the caller's ground truth.
 *
 * @param trigger   when it is said
 * @param line      what is said (canonical words; styled per channel); for a bare no, just "no"
 * @param newWish   the wish from now on, or null
 * @param newName   the name from now on, or null
 * @param newAddress the address from now on, or null
 * @param followUp  said when the bot then asks what to change (or offers/confirms the old wish again), or null
 * @param sooner    "anything sooner?": the wish becomes any time before the first time offered
 */
record Twist(Trigger trigger, String line, Wish newWish, PersonName newName, Address newAddress, String followUp,
             boolean sooner) {

    enum Trigger {
        /** The first reply that offers times. */
        FIRST_OFFERS,
        /** The first confirmation question. */
        FIRST_CONFIRM,
        /** The first reply that offers times or asks to confirm one, whichever comes first. */
        FIRST_PROPOSAL,
        /** Right after giving the name, whatever the bot says next. */
        AFTER_NAME
    }

    static Twist wish(Trigger t, String line, Wish w) {
        return new Twist(t, line, w, null, null, null, false);
    }
}

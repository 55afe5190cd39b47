package io.switchboard.dialog.phrasing;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.identity.CodeIssue;

/**
 * What the one-time-code flow says, typed or spoken. Kept apart from {@link Phrasing} because it is one flow's
 * vocabulary. Numbers are only ever named by their last three digits, so a reply never reads back a full number.
 */
public final class CodePhrasing {

    private final boolean spoken;

    private CodePhrasing(boolean spoken) {
        this.spoken = spoken;
    }

    public static CodePhrasing forChannel(Channel channel) {
        return new CodePhrasing(channel.isSpoken());
    }

    /** A web visitor wants to see or change a booking: which number, and why a code. */
    public String askNumberForChange() {
        return "To look at a booking here I first need to check it's yours. What's the mobile number it was booked "
                + "with? I'll " + (spoken ? "send it a text with" : "text it") + " a 6-digit code.";
    }

    /** A proven number has no bookings: another number can be proved the same way. */
    public String askOtherNumber() {
        return "If it was booked under another number, tell me that number and I'll "
                + (spoken ? "send it a text with" : "text it") + " a 6-digit code.";
    }

    /** The caller named a number that is not the one they are texting or calling from. */
    public String otherNumberNeedsCode() {
        return "That's not the number you're " + (spoken ? "calling" : "messaging") + " from, so for your security "
                + "I'll check it first.";
    }

    /** The callback number of a new web booking is checked before the booking is confirmed. */
    public String checkCallbackFirst() {
        return "Before I book it, I need to check that number is yours.";
    }

    public String codeSent(String phone) {
        return spoken
                ? "I've sent a six-digit code by text to the number ending " + spell(last3(phone))
                        + ". Please say or key it in when it arrives."
                : "I've texted a 6-digit code to the number ending " + last3(phone)
                        + ". Please type it here; it works for 10 minutes.";
    }

    public String codeOnItsWay(String phone) {
        return "I'm texting a 6-digit code to the number ending " + (spoken ? spell(last3(phone)) : last3(phone))
                + "; it may take a minute to arrive. Please " + (spoken ? "say" : "type") + " it here when it does.";
    }

    public String askForCode() {
        return spoken ? "Please say or key in the six-digit code from the text, or say new code for another one."
                : "Please type the 6-digit code from the text, or say \"new code\" for another one.";
    }

    public String wrongCode(int triesLeft) {
        return "That's not the code. " + (triesLeft == 1 ? "One more try." : triesLeft + " more tries.");
    }

    public String codeSpent() {
        return "That code can't be used any more. Say \"new code\" and I'll send another.";
    }

    public String codeExpired() {
        return "That code has expired. Say \"new code\" and I'll send another.";
    }

    public String verified() {
        return "Thanks, that number is checked.";
    }

    /** No code was sent. Says why in words that reveal nothing about the number's bookings. */
    public String notSent(CodeIssue.Reason reason) {
        return switch (reason) {
            case NOT_A_NUMBER -> "That doesn't look like a mobile number I can text.";
            case COUNTRY_NOT_SERVED -> "I can only text numbers in the countries we serve, so I can't send a code there.";
            case NUMBER_LIMIT, CLIENT_LIMIT -> "I've sent as many codes as I can for now.";
            case DAILY_CAP -> "I can't send any more codes today.";
        };
    }

    public String notDelivered() {
        return "I couldn't send a text to that number.";
    }

    public String tooManyCodes() {
        return "I've sent as many codes as I can in this conversation.";
    }

    /** A new web booking whose number could not be checked is not made. */
    public String bookFromYourPhone() {
        return "Please call or text us from your own phone and we'll book it for you.";
    }

    /** Added to the owner-access-paused reply when an unlock code can be texted. */
    public String offerUnlock() {
        return spoken ? "If this is you, say unlock and I'll text an unlock code to your phone."
                : "If this is you, reply UNLOCK and I'll text an unlock code to your phone.";
    }

    public String unlocked() {
        return "Owner access is unlocked.";
    }

    private static String last3(String phone) {
        return phone.length() <= 3 ? phone : phone.substring(phone.length() - 3);
    }

    private static String spell(String digits) {
        return String.join(" ", digits.split(""));
    }
}

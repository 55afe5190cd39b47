package io.switchboard.telephony.messaging;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The standard SMS keywords, matched like Twilio matches them: the whole message is the keyword, in any case, with
 * surrounding spaces (and here trailing punctuation) ignored. "Stop texting me about the sink" is not a keyword.
 *
 * <p>Twilio's default opt-out list is STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT. CANCEL is deliberately left out:
 * Switchboard's follow-ups say "reply to change or cancel", so a bare "cancel" goes to the dialog engine and cancels
 * the booking (after a confirmation) rather than silently unsubscribing the customer. Remove CANCEL from the Twilio
 * number's Advanced Opt-Out keywords to match. Likewise YES opts back in only for a number that is opted out
 * ({@link #isResubscribeWord}); otherwise it is the dialog's yes.
 */
public enum CarrierKeyword {
    OPT_OUT, OPT_IN, HELP;

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT",
            "OPTOUT", "REVOKE");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    public static Optional<CarrierKeyword> of(String text) {
        String word = bare(text);
        if (OPT_OUT_WORDS.contains(word)) {
            return Optional.of(OPT_OUT);
        }
        if (OPT_IN_WORDS.contains(word)) {
            return Optional.of(OPT_IN);
        }
        if (HELP_WORDS.contains(word)) {
            return Optional.of(HELP);
        }
        return Optional.empty();
    }

    /** Twilio also re-subscribes an opted-out number that texts YES. */
    public static boolean isResubscribeWord(String text) {
        return "YES".equals(bare(text));
    }

    private static String bare(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int end = t.length();
        while (end > 0 && ".!?".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end).toUpperCase(Locale.ROOT);
    }
}

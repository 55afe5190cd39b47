package io.switchboard.dialog.understanding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dialog acts that are about the conversation rather than a slot: a correction ("no, ...", "actually ...",
 * "... instead", "make it ...", "not X, Y"), a request for earlier options ("anything sooner?"), and, when moving a
 * booking, the words that name the existing appointment ("move my appointment tomorrow | to wednesday afternoon").
 */
final class DialogActs {

    private static final Pattern CORRECTION = Pattern.compile("^(?:(?:oh|um|er|erm|so|sorry|wait|hang on)\\b ?)*"
            + "(?:no|nah|nope|actually|sorry|wait|hang on|oops|my mistake|correction)\\b"
            + "|\\binstead\\b|\\bmake it\\b|\\bchange (?:it|that|the \\w+) to\\b|\\bi meant\\b|\\bi mean\\b"
            + "|\\bshould (?:be|have been|say)\\b|\\brather\\b|\\bwrong\\b"
            + "|\\bnot (?:on |at |the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow"
            + "|morning|afternoon|evening|\\d{1,2}(?::\\d{2})?(?: ?[ap]m)?)\\b");
    private static final Pattern EARLIER = Pattern.compile("\\b(?:anything|something|nothing|any thing|any time"
            + "|anytime|any slots?|any times?|no(?:thing)? (?:at all )?)(?: a bit| any| much)? (?:sooner|earlier)\\b"
            + "|\\b(?:sooner|earlier) than (?:that|this|those|these)\\b|\\bcan (?:you|we) do (?:it |any )?(?:sooner"
            + "|earlier)\\b|^(?:any |is there |got )?(?:sooner|earlier)(?: (?:please|possible|if possible|available))?$"
            + "|\\bis that the (?:earliest|soonest)\\b|\\bnot (?:sooner|earlier)\\b");
    /** "not tuesday, wednesday": the first of two is ruled out. */
    private static final Pattern NOT_X_Y = Pattern.compile("\\bnot (?:on |at )?\\w+(?: \\w+)?,? (?:but |i meant |make it )?"
            + "(?:on |at )?\\w+");
    /** In a move: "... to", "... until", "... till" after words naming the current appointment. */
    private static final Pattern MOVE_TO = Pattern.compile("\\b(?:to|until|till|for)\\b");

    private DialogActs() {
    }

    static boolean correction(String normalized) {
        return CORRECTION.matcher(normalized).find();
    }

    static boolean wantsEarlier(String normalized) {
        return EARLIER.matcher(normalized).find();
    }

    static boolean rulesOutFirst(String normalized) {
        return NOT_X_Y.matcher(normalized).find();
    }

    /**
     * Where a move request splits into the appointment it names and the wish ("move my appointment tomorrow" | "to
     * wednesday afternoon"): the position of the last "to" with time words on both sides, or -1.
     */
    static int moveSplit(String normalized) {
        Matcher m = MOVE_TO.matcher(normalized);
        int split = -1;
        while (m.find()) {
            String before = normalized.substring(0, m.start());
            String after = normalized.substring(m.end());
            if (hasStrongTimeWord(before) && hasStrongTimeWord(after)) {
                split = m.start();
            }
        }
        return split;
    }

    private static boolean hasStrongTimeWord(String text) {
        for (String w : text.trim().split(" +")) {
            if (ReadingWords.stronglyWhen(w)) {
                return true;
            }
        }
        return false;
    }
}

package io.switchboard.dialog.handoff;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a caller asking for a person rather than the receptionist: "can I speak to a real person", "let me talk
 * to Sam" (the owner's name from the profile), "is Sam there?", "put me through to someone", "can someone just call me
 * back". A number given for the call-back ("call me back on 07700 900123") is an answer to the phone question, not a
 * request for a person, and "no need to call me back" is not one either.
 */
public final class PersonRequest {

    /** What the caller asked for. */
    public enum Kind {
        /** To speak to someone now. */
        PERSON,
        /** To be called back. */
        CALL_BACK
    }

    private static final String PERSON = "(?:a |an |the |some |your |one of (?:your |the |you )?)?(?:real |actual |live |proper )?"
            + "(?:person|human|human being|someone|somebody|anyone|anybody|people|man|woman|operator|receptionist"
            + "|manager|owner|boss|engineer|plumber|staff|member of staff|team)";
    private static final Pattern ASK_PERSON = Pattern.compile("\\b(?:speak|talk|chat|speaking|talking)\\s+(?:to|with)\\s+"
            + PERSON + "\\b"
            + "|\\b(?:put|patch|transfer|connect)\\s+me\\s+(?:through\\s+)?(?:to\\s+" + PERSON + "\\b|through\\b)"
            + "|\\btransfer\\s+(?:me|the call)\\b"
            + "|\\b(?:real|actual|live|proper)\\s+(?:person|human)\\b|\\bhuman being\\b"
            + "|\\b(?:not|stop being|are you|are u|r u)\\s+(?:a\\s+)?(?:robot|bot|machine|computer)\\b"
            + "|\\b(?:want|need|like|prefer)\\s+(?:a |an |to have a )?(?:real |actual |proper )?(?:person|human)\\b"
            + "|\\bis (?:there )?(?:anyone|anybody|someone|somebody) (?:there|in|around|about|available)\\b"
            + "|\\b(?:get|fetch|find) me (?:a |an )?(?:person|human|someone|somebody|manager)\\b");
    private static final Pattern CALL_BACK = Pattern.compile("\\b(?:call|ring|phone|bell)\\s+me\\s+back\\b"
            + "|\\b(?:call|ring)\\s+back\\b.*\\b(?:please|me|someone)\\b"
            + "|\\b(?:someone|somebody|anyone|one of you)\\s+(?:just\\s+|please\\s+)?(?:call|ring|phone)\\s+me\\b"
            + "|\\b(?:have|get|ask)\\s+(?:someone|somebody|a person|them|the owner|the boss)\\s+(?:to\\s+)?"
            + "(?:call|ring|phone)\\s+me\\b"
            + "|\\b(?:a|can i have a|can i get a|request a|like a)\\s+call\\s*back\\b|\\bcallback\\b");
    /** "call me back on 07700..." / "call me back at this number": the phone number, not a hand-off. */
    private static final Pattern CALL_BACK_ON = Pattern.compile("\\b(?:call|ring|phone)\\s+me\\s+(?:back\\s+)?"
            + "(?:on|at)\\b");
    private static final Pattern DECLINED = Pattern.compile("\\b(?:no need (?:to|for)|don't|dont|do not)"
            + "\\s+(?:need to |want to |have to |a )?(?:call|ring|phone|speak|talk)");

    private final Pattern ownerName;
    private final Pattern ownerCallBack;

    /** @param ownerName the owner's name as the profile gives it ("Sam"); blank when none */
    public PersonRequest(String ownerName) {
        String name = ownerName == null ? "" : plain(ownerName).strip();
        String n = Pattern.quote(name);
        // "my name is Sam" is a caller called Sam: the owner's name counts only with words that ask for them
        this.ownerName = name.isEmpty() ? null : Pattern.compile(
                "\\b(?:speak|talk|chat|speaking|talking)\\s+(?:to|with)\\s+" + n + "\\b"
                        + "|\\b(?:can i get|get me|put me through to|can i have|i want|i need|i'd like)\\s+" + n + "\\b"
                        + "|\\b" + n + "\\s+(?:there|around|about|abt|available|in|free)\\b"
                        + "|^\\s*(?:hi |hello )?(?:is|can|could)\\s+" + n + "\\b");
        this.ownerCallBack = name.isEmpty() ? null : Pattern.compile(
                "\\b(?:have|get|ask)\\s+" + n + "\\s+(?:to\\s+)?(?:call|ring|phone)\\b"
                        + "|\\b" + n + "\\s+(?:to\\s+)?(?:call|ring|phone)\\s+me\\b"
                        + "|\\b(?:could|can|would|will)\\s+" + n + "\\s+(?:call|ring|phone)\\b");
    }

    /** What the caller asked for, if they asked for a person. */
    public Optional<Kind> read(String said) {
        if (said == null || said.isBlank()) {
            return Optional.empty();
        }
        String s = plain(said);
        if (DECLINED.matcher(s).find()) {
            return Optional.empty();
        }
        boolean callBack = CALL_BACK.matcher(s).find() || (ownerCallBack != null && ownerCallBack.matcher(s).find());
        if (callBack && !CALL_BACK_ON.matcher(s).find()) {
            return Optional.of(Kind.CALL_BACK);
        }
        if (ASK_PERSON.matcher(s).find() || (ownerName != null && ownerName.matcher(s).find())) {
            return Optional.of(Kind.PERSON);
        }
        return Optional.empty();
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('’', '\'').replaceAll("[^a-z0-9' ]+", " ").replaceAll("\\s+", " ");
    }
}

package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.PhoneVerifier.CodeDelivery;
import io.switchboard.dialog.phrasing.CodePhrasing;
import io.switchboard.dialog.session.SessionKey;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.identity.CodeCheck;
import io.switchboard.scheduling.identity.CodeIssue;
import io.switchboard.scheduling.identity.CodePurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Proving a number inside a conversation: a one-time code is texted to it ({@link PhoneVerifier}) and typed or said
 * back. The flows that need a proven number ({@link ChangeFlow}, {@link BookingFlow}, {@link OwnerFlow}) start it;
 * the {@link TurnRouter} hands it the answers; once the code checks out the number is this conversation's
 * ({@link Conversation#codeProvenPhone}) for the rest of the session and the flow that asked goes on.
 *
 * <p>Nothing is promised that is not true: without SMS no code is offered, a refused or failed text is said to be
 * one, and a reply never says whether the number has bookings. The code's tries, lifetime and the send limits are
 * the verifier's; this class only bounds how many codes one conversation asks for, so it cannot loop.
 */
final class CodeFlow {

    /** Codes one conversation may ask for, including "send it again". */
    static final int MAX_CODES_PER_CONVERSATION = 3;

    private static final Logger LOG = LoggerFactory.getLogger(CodeFlow.class);
    private static final Pattern NEW_CODE = Pattern.compile(
            "\\b(?:new|another|resend|re-send|fresh)\\b.*\\bcode\\b|\\bresend\\b|\\bsend (?:it |one |me one )?again\\b"
                    + "|\\b(?:didn't|did not|never|haven't|have not) (?:get|got|receive|received|come|arrive)");
    private static final Pattern TYPED_CODE = Pattern.compile("(?<!\\d)\\d{3}[ -]?\\d{3}(?!\\d)");

    private final PhoneVerifier verifier;

    CodeFlow(PhoneVerifier verifier) {
        this.verifier = verifier;
    }

    /** Whether codes can be texted here at all (SMS is configured). */
    boolean available() {
        return verifier.available();
    }

    /** The numbers this conversation speaks for: the channel's caller ID and a number proved by code, in E.164. */
    static List<String> proven(Turn t) {
        Conversation c = t.conv;
        List<String> out = new ArrayList<>(2);
        if (c.callerId != null && !c.callerId.isBlank()) {
            out.add(e164(t, c.callerId));
        }
        if (c.codeProvenPhone != null && !out.contains(c.codeProvenPhone)) {
            out.add(c.codeProvenPhone);
        }
        return out;
    }

    static String e164(Turn t, String raw) {
        return t.scheduling.phones().toE164(raw).orElse(raw.strip());
    }

    /** A code was texted and this conversation waits for it. */
    static boolean awaiting(Conversation c) {
        return c.state == DialogState.VERIFYING_PHONE && c.codePhone != null && c.codePurpose != null;
    }

    /** Whether a message answers the pending code: six digits, or a request for a new one. */
    static boolean answersCode(Conversation c, Heard h) {
        return awaiting(c) && (code(h) != null || wantsNewCode(h));
    }

    /**
     * Texts a code to {@code phone} and asks for it back. False when no code went out; then the reason has been
     * said and the caller decides what the conversation does instead.
     */
    boolean send(Turn t, String phone, CodePurpose purpose) {
        return isOut(deliver(t, phone, purpose));
    }

    private static boolean isOut(CodeDelivery d) {
        return d instanceof CodeDelivery.Sent || d instanceof CodeDelivery.Pending;
    }

    /** Asks the verifier for a code and says what came of it; on success the conversation waits for the code. */
    private CodeDelivery deliver(Turn t, String phone, CodePurpose purpose) {
        Conversation c = t.conv;
        CodePhrasing say = CodePhrasing.forChannel(c.channel);
        if (c.codesSent >= MAX_CODES_PER_CONVERSATION) {
            t.say(say.tooManyCodes());
            clear(c);
            return new CodeDelivery.Refused(CodeIssue.Reason.CLIENT_LIMIT);
        }
        CodeDelivery delivery;
        try {
            delivery = verifier.send(phone, purpose, conversationKey(c), client(t));
        } catch (RuntimeException e) {
            LOG.error("one-time code not sent: {}", e.getClass().getSimpleName());
            delivery = new CodeDelivery.NotDelivered();
        }
        switch (delivery) {
            case CodeDelivery.Sent sent -> waitFor(t, phone, purpose, say.codeSent(phone));
            case CodeDelivery.Pending pending -> waitFor(t, phone, purpose, say.codeOnItsWay(phone));
            case CodeDelivery.Refused refused -> {
                t.say(say.notSent(refused.reason()));
                clear(c);
            }
            case CodeDelivery.NotDelivered failed -> {
                c.codesSent++;
                t.say(say.notDelivered());
                clear(c);
            }
        }
        return delivery;
    }

    /** How a code answer ended. */
    enum Result {
        /** The number is proven; the flow that asked goes on in the same turn. */
        VERIFIED,
        /** Still waiting (a wrong code, a new one sent); the reply asks for it. */
        WAITING,
        /** No code can be had any more; the reply said so. */
        ENDED
    }

    /** Reads the caller's answer to the pending code. */
    Result answer(Turn t) {
        Conversation c = t.conv;
        CodePhrasing say = CodePhrasing.forChannel(c.channel);
        t.understood = true; // a wrong code is answered, not misheard: the recovery policy must not re-ask a PIN
        String typed = code(t.heard);
        if (typed == null && wantsNewCode(t.heard)) {
            return send(t, c.codePhone, c.codePurpose) ? Result.WAITING : ended(c);
        }
        if (typed == null) {
            t.ask(say.askForCode(), Expectation.PIN, DialogState.VERIFYING_PHONE);
            return Result.WAITING;
        }
        CodeCheck check = verifier.check(c.codePhone, c.codePurpose, conversationKey(c), typed);
        switch (check) {
            case CodeCheck.Verified v -> {
                c.codeProvenPhone = c.codePhone;
                clear(c);
                c.state = DialogState.COLLECTING;
                c.expecting = Expectation.NONE;
                t.say(say.verified());
                return Result.VERIFIED;
            }
            case CodeCheck.Wrong w -> {
                // a wrong try moves on: the verifier bounds them (five a code, three codes a conversation), so the
                // no-progress hand-off must not cut a caller short while they retype the code
                c.stalledTurns = 0;
                t.ask(say.wrongCode(w.triesLeft()), Expectation.PIN, DialogState.VERIFYING_PHONE);
            }
            case CodeCheck.Expired e -> {
                return spent(t, say.codeExpired());
            }
            case CodeCheck.TooManyTries x -> {
                return spent(t, say.codeSpent());
            }
            case CodeCheck.NoCode n -> {
                return spent(t, say.codeSpent());
            }
        }
        return Result.WAITING;
    }

    /** The code can no longer be used: another may be asked for, unless this conversation has had its codes. */
    private static Result spent(Turn t, String why) {
        Conversation c = t.conv;
        if (c.codesSent >= MAX_CODES_PER_CONVERSATION) {
            t.say(why.split("\\. ")[0] + ".");
            t.say(CodePhrasing.forChannel(c.channel).tooManyCodes());
            clear(c);
            return ended(c);
        }
        t.ask(why, Expectation.PIN, DialogState.VERIFYING_PHONE);
        return Result.WAITING;
    }

    /**
     * A sender whose channel proves no number (a public web visitor, a Slack user) is about to be asked to confirm a
     * booking under a number this conversation has not proven: when SMS is configured the number gets a code first. True when this took the turn: a code was
     * sent or is awaited, or none could be sent and the reply says what now (another number, or to book by phone).
     */
    boolean holdsForCallbackCheck(Turn t) {
        Conversation c = t.conv;
        if (!available() || c.channel.provesSenderPhone() || c.callerId != null || c.phone == null) {
            return false;
        }
        String phone = e164(t, c.phone);
        if (phone.equals(c.codeProvenPhone)) {
            return false;
        }
        if (phone.equals(c.codePhone) && c.codePurpose == CodePurpose.CALLBACK_NUMBER) {
            askAgain(t); // the code is out already: a misheard answer must not send another
            return true;
        }
        CodePhrasing say = CodePhrasing.forChannel(c.channel);
        t.say(say.checkCallbackFirst());
        CodeDelivery d = deliver(t, phone, CodePurpose.CALLBACK_NUMBER);
        if (isOut(d)) {
            return true;
        }
        if (d instanceof CodeDelivery.Refused r && (r.reason() == CodeIssue.Reason.NOT_A_NUMBER
                || r.reason() == CodeIssue.Reason.COUNTRY_NOT_SERVED)) {
            c.phone = null; // a number no code can go to: another may do
            t.ask(t.say.askPhone(), Expectation.PHONE, DialogState.COLLECTING);
            return true;
        }
        t.say(say.bookFromYourPhone());
        c.state = DialogState.FAILED;
        c.expecting = Expectation.NONE;
        return true;
    }

    /** While a code is awaited, anything else is answered by asking for it again (no new code is sent). */
    void askAgain(Turn t) {
        t.understood = true; // answered with this flow's own words, not the recovery policy's PIN prompt
        t.ask(CodePhrasing.forChannel(t.conv.channel).askForCode(), Expectation.PIN, DialogState.VERIFYING_PHONE);
    }

    private static Result ended(Conversation c) {
        c.state = DialogState.FAILED;
        c.expecting = Expectation.NONE;
        return Result.ENDED;
    }

    private static void waitFor(Turn t, String phone, CodePurpose purpose, String sentence) {
        Conversation c = t.conv;
        c.codesSent++;
        c.codePhone = phone;
        c.codePurpose = purpose;
        t.ask(sentence, Expectation.PIN, DialogState.VERIFYING_PHONE);
    }

    private static void clear(Conversation c) {
        c.codePhone = null;
        c.codePurpose = null;
    }

    /** The six digits typed or said, or null. */
    private static String code(Heard h) {
        if (h.digits() != null) {
            String d = h.digits().replaceAll("\\D", "");
            if (d.length() == 6) {
                return d;
            }
        }
        // six digits and no others: "07700 900444" (a number) is not a code
        var m = TYPED_CODE.matcher(h.original());
        return m.find() && h.original().replaceAll("\\D", "").length() == 6 ? m.group().replaceAll("\\D", "") : null;
    }

    private static boolean wantsNewCode(Heard h) {
        return NEW_CODE.matcher(h.original().toLowerCase(Locale.ROOT)).find();
    }

    /** Codes are redeemable only in the conversation that asked: its storage key names it. */
    private static String conversationKey(Conversation c) {
        return new SessionKey(c.channel, c.sessionId).storageKey();
    }

    /** Who asks, for the per-client limit: the web client's address, else the sender, else the conversation. */
    private static String client(Turn t) {
        Conversation c = t.conv;
        if (t.client != null && !t.client.isBlank()) {
            return "addr:" + t.client;
        }
        if (c.callerId != null) {
            return "from:" + c.callerId;
        }
        return (c.channel == Channel.WEB ? "web:" : "conversation:") + conversationKey(c);
    }
}

package io.switchboard.dialog.flow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.dialog.understanding.AddressParts;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything one conversation remembers between turns. Serialised to the session store as JSON after each turn,
 * so it holds plain values only; the flows read and change it, the {@link io.switchboard.dialog.Receptionist}
 * loads and saves it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Conversation {

    /** Most time wishes kept ("tuesday or wednesday after 3" is two). */
    static final int MAX_WANTED = 8;
    /** Most offered starts kept: a day of 15-minute starts, enough for any offer a caller can pick from by time. */
    static final int MAX_OFFERED = 64;
    static final int MAX_CANDIDATES = 10;
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 300;
    static final int MAX_PROBLEM = 300;
    static final int MAX_OWNER_QUESTION = 500;
    /** Lines of the conversation kept for a hand-off note to the owner, and the longest each may be. */
    static final int MAX_RECENT = 6;
    static final int MAX_LINE = 160;

    String sessionId;
    Channel channel;
    /** Caller ID as E.164, when the channel gave one. */
    String callerId;

    Intent topic = Intent.UNKNOWN;
    DialogState state = DialogState.IDLE;
    Expectation expecting = Expectation.NONE;

    // what the caller told us (kept across flows in one conversation: a second booking needs no new name)
    String name;
    String phone;
    boolean phoneConfirmed;
    /** The last question was whether the caller ID is the number to call back on. */
    boolean askedCallerId;
    String address;
    /** The address as parts, so a street and then a postcode in the next turn make one address. */
    AddressParts addressParts;
    /** An email address the caller volunteered; its own slot, never the address. */
    String email;
    String problem;
    String serviceId;
    /** Two services the caller's words fit equally, asked between ("is that a repair, or a new one fitted?"). */
    List<String> serviceOptions = new ArrayList<>();
    boolean emergency;
    boolean ownerNotified;

    /** The latest time wish; a change of mind replaces it. */
    List<TimePreference> wanted = new ArrayList<>();
    /** Starts offered in the last reply, in the order they were offered. */
    List<ZonedDateTime> offered = new ArrayList<>();
    /** The start the caller picked and that now awaits confirmation. */
    ZonedDateTime chosen;
    /** A bare "no" to the confirmation was answered with "what would you like to change?". */
    boolean askedWhatToChange;
    /** Idempotency key for the booking being confirmed: a repeated "yes" can never book twice. */
    String bookingKey;

    /** Reschedule / cancel: the appointment acted on, and candidates when the caller has several. */
    UUID targetAppointment;
    List<UUID> candidates = new ArrayList<>();
    /** The appointment this conversation last booked or changed (context for "can we make it 4 instead"). */
    UUID lastAppointment;

    boolean ownerVerified;
    int pinAttempts;
    /** What the owner asked before giving the PIN, answered once verified. */
    String pendingOwnerQuestion;
    List<TimePreference> pendingOwnerTimes = new ArrayList<>();

    /**
     * A number this conversation proved with a one-time code (E.164): its bookings may be seen and changed here for
     * the rest of the session, besides those of the channel's own caller ID. Kept across flows, never reset.
     */
    String codeProvenPhone;
    /** The number a code was texted to and that waits for it to be typed back, with what it is to prove. */
    String codePhone;
    CodePurpose codePurpose;
    /** Codes this conversation asked for; bounded, so "send it again" cannot loop. */
    int codesSent;
    /**
     * The last few lines of the conversation ("Caller: ...", "Us: ..."), oldest first, for the owner's hand-off note:
     * bounded in number and length, dropped with the session.
     */
    List<String> recent = new ArrayList<>();
    /** A hand-off waits for one more answer (the call-back number, or the caller's message); its reason. */
    String pendingHandOff;
    /** Safety rules whose advice was said in this conversation: each is said once. */
    List<String> safetyAdvised = new ArrayList<>();

    /** Answers in a row to the pending question that were not understood (the recovery policy's counter). */
    int noMatch;
    /** Turns in a row that changed nothing; bounded, so a conversation can never loop. */
    int stalledTurns;
    /**
     * Read-backs the caller said no to in this flow. Each no with a correction is progress, so the stalled-turn bound
     * never sees a correction that is misheard the same way every time; this count bounds that.
     */
    int refusedReadBacks;
    /**
     * The detail the caller's refusals of the read-back are about: the last one they named to change or that a
     * correction changed. A "no, it's …" whose detail is misheard anew may not read as that detail at all, and the
     * recovery must still know it was the address the caller kept correcting; null before any correction.
     */
    Expectation.Slot correcting;
    /**
     * Per question (state and slot), how often this flow has come to it from another question. A cycle of readings that each
     * change something (a name misheard as a time that unpicks the chosen slot, a garbled goodbye read as "no" to an
     * offer) is progress every turn, so neither counter above sees it; asking the same question again and again does.
     */
    Map<String, Integer> timesAsked = new HashMap<>();
    /** Hash of the last reply sent, so the next one is never the same word for word. */
    int lastReplyHash;
    Instant updatedAt;
    /** When the conversation's first message (or the call's greeting) was handled: time-to-booking counts from it. */
    Instant startedAt;
    /** Its outcome has been counted; a conversation counts once, by its first outcome. */
    boolean outcomeCounted;

    Conversation() {
        // for Jackson
    }

    public static Conversation start(String sessionId, Channel channel, String callerId) {
        Conversation c = new Conversation();
        c.sessionId = sessionId;
        c.channel = channel;
        c.callerId = callerId;
        return c;
    }

    /**
     * Bounds everything this conversation stores, so a session's size does not depend on what a caller sends: each
     * list keeps its first entries (the ones offered or said first), each text is cut. Called before every save.
     */
    public void capMemory() {
        wanted = head(wanted, MAX_WANTED);
        offered = head(offered, MAX_OFFERED);
        candidates = head(candidates, MAX_CANDIDATES);
        serviceOptions = head(serviceOptions, MAX_CANDIDATES);
        pendingOwnerTimes = head(pendingOwnerTimes, MAX_WANTED);
        name = cut(name, MAX_NAME);
        phone = cut(phone, MAX_NAME);
        address = cut(address, MAX_ADDRESS);
        email = cut(email, MAX_ADDRESS);
        problem = cut(problem, MAX_PROBLEM);
        pendingOwnerQuestion = cut(pendingOwnerQuestion, MAX_OWNER_QUESTION);
        recent = recent == null ? new ArrayList<>()
                : recent.size() <= MAX_RECENT ? recent : new ArrayList<>(recent.subList(recent.size() - MAX_RECENT,
                recent.size()));
        safetyAdvised = head(safetyAdvised, MAX_CANDIDATES);
    }

    /** Keeps one line of the conversation for a hand-off note, dropping the oldest beyond {@link #MAX_RECENT}. */
    void remember(String who, String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        String l = line.strip().replaceAll("\\s+", " ");
        recent.add(who + ": " + (l.length() <= MAX_LINE ? l : l.substring(0, MAX_LINE)));
        while (recent.size() > MAX_RECENT) {
            recent.remove(0);
        }
    }

    private static <T> List<T> head(List<T> list, int max) {
        if (list == null) {
            return new ArrayList<>();
        }
        return list.size() <= max ? list : new ArrayList<>(list.subList(0, max));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * An independent copy: a step works on the copy and returns it as the next state, so the state it was given is
     * never changed (a failed step leaves the stored conversation as it was). Every field is copied; a test checks
     * that none is forgotten.
     */
    /**
     * This conversation carried on in another channel's session ({@code SMS} to the caller's number): the same slots,
     * topic and pending question; the failure counters start again, since the new channel is the other way in.
     */
    public Conversation continuedIn(Channel other, String otherSessionId) {
        Conversation c = copy();
        c.channel = other;
        c.sessionId = otherSessionId;
        c.noMatch = 0;
        c.stalledTurns = 0;
        c.lastReplyHash = 0;
        return c;
    }

    Conversation copy() {
        Conversation c = new Conversation();
        c.sessionId = sessionId;
        c.channel = channel;
        c.callerId = callerId;
        c.topic = topic;
        c.state = state;
        c.expecting = expecting;
        c.name = name;
        c.phone = phone;
        c.phoneConfirmed = phoneConfirmed;
        c.askedCallerId = askedCallerId;
        c.address = address;
        c.addressParts = addressParts;
        c.email = email;
        c.problem = problem;
        c.serviceId = serviceId;
        c.serviceOptions = new ArrayList<>(serviceOptions);
        c.emergency = emergency;
        c.ownerNotified = ownerNotified;
        c.wanted = new ArrayList<>(wanted);
        c.offered = new ArrayList<>(offered);
        c.chosen = chosen;
        c.askedWhatToChange = askedWhatToChange;
        c.bookingKey = bookingKey;
        c.targetAppointment = targetAppointment;
        c.candidates = new ArrayList<>(candidates);
        c.lastAppointment = lastAppointment;
        c.ownerVerified = ownerVerified;
        c.pinAttempts = pinAttempts;
        c.pendingOwnerQuestion = pendingOwnerQuestion;
        c.pendingOwnerTimes = new ArrayList<>(pendingOwnerTimes);
        c.codeProvenPhone = codeProvenPhone;
        c.codePhone = codePhone;
        c.codePurpose = codePurpose;
        c.codesSent = codesSent;
        c.noMatch = noMatch;
        c.stalledTurns = stalledTurns;
        c.refusedReadBacks = refusedReadBacks;
        c.correcting = correcting;
        c.timesAsked = new HashMap<>(timesAsked);
        c.lastReplyHash = lastReplyHash;
        c.updatedAt = updatedAt;
        c.startedAt = startedAt;
        c.outcomeCounted = outcomeCounted;
        c.recent = new ArrayList<>(recent);
        c.pendingHandOff = pendingHandOff;
        c.safetyAdvised = new ArrayList<>(safetyAdvised);
        return c;
    }

    /** Ends the current flow but keeps who the caller is and what they booked, for a follow-up in the same thread. */
    void resetFlow() {
        topic = Intent.UNKNOWN;
        state = DialogState.IDLE;
        expecting = Expectation.NONE;
        serviceId = null;
        serviceOptions = new ArrayList<>();
        problem = null;
        emergency = false;
        ownerNotified = false;
        wanted = new ArrayList<>();
        offered = new ArrayList<>();
        chosen = null;
        bookingKey = null;
        askedWhatToChange = false;
        targetAppointment = null;
        candidates = new ArrayList<>();
        codePhone = null; // a code no flow waits for any more; a number already proven stays proven
        codePurpose = null;
        noMatch = 0;
        stalledTurns = 0;
        refusedReadBacks = 0;
        correcting = null;
        timesAsked = new HashMap<>();
        pendingHandOff = null;
    }

    public String sessionId() {
        return sessionId;
    }

    /**
     * The identity this conversation proved by one-time code ({@link Identity.Proof#ONE_TIME_CODE}), or
     * {@link Identity#none()}. It lives in the conversation state, so it survives the session store.
     */
    public Identity codeIdentity() {
        return codeProvenPhone == null ? Identity.none()
                : Identity.signedBy(codeProvenPhone, Identity.Proof.ONE_TIME_CODE);
    }

    /** The channel's caller ID (E.164), if it gave one. */
    public Optional<String> callerId() {
        return Optional.ofNullable(callerId);
    }

    public Channel channel() {
        return channel;
    }

    public DialogState state() {
        return state;
    }

    public Intent topic() {
        return topic;
    }

    public Expectation expecting() {
        return expecting;
    }

    /** Whether an outcome (booked, cancelled, failed, handed off) was reached and counted. */
    public boolean outcomeCounted() {
        return outcomeCounted;
    }
}

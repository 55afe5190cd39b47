package io.switchboard.dialog.flow;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.session.SessionKey;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.handoff.PersonRequest;
import io.switchboard.dialog.safety.SafetyRecognizer;
import io.switchboard.dialog.safety.SignMatcher;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.SafetyRule;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.owner.OwnerLockout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which flow a message belongs to: owner verification and briefing, emergencies, topic switches
 * (a question in the middle of a booking is answered and the booking resumes), then the current topic.
 */
public final class TurnRouter {

    private static final Logger LOG = LoggerFactory.getLogger(TurnRouter.class);
    /** Words that ask for a visit besides the one being moved. */
    private static final Pattern ANOTHER_VISIT = Pattern.compile(
            "\\b(?:book|booking|another|also|as well|too|new appointment|second)\\b");

    private final BookingFlow booking;
    private final ChangeFlow change;
    private final OwnerFlow owner;
    private final Recovery recovery;
    private final CodeFlow codes;
    private final HandOffFlow handOffs;
    private final SafetyRecognizer safety;

    public TurnRouter(Scheduling scheduling) {
        this(scheduling, PhoneVerifier.unavailable(), new SignMatcher());
    }

    /** @param verifier proves numbers by one-time code; {@link PhoneVerifier#unavailable()} without SMS */
    public TurnRouter(Scheduling scheduling, PhoneVerifier verifier) {
        this(scheduling, verifier, new SignMatcher());
    }

    /** @param safety recognises the profile's dangers; the rules' {@link SignMatcher}, or it chained with more */
    public TurnRouter(Scheduling scheduling, SafetyRecognizer safety) {
        this(scheduling, PhoneVerifier.unavailable(), safety);
    }

    public TurnRouter(Scheduling scheduling, PhoneVerifier verifier, SafetyRecognizer safety) {
        this(scheduling, verifier, safety,
                PinAttempts.of(new OwnerLockout(scheduling.database().dsl(), scheduling.clock())));
    }

    /** @param pins the owner's PIN attempts: the database's lockout, or in a preview one that counts nothing */
    TurnRouter(Scheduling scheduling, PhoneVerifier verifier, SafetyRecognizer safety, PinAttempts pins) {
        SlotFinder finder = new SlotFinder(scheduling.availability(), scheduling.profile().rules().slotStep());
        this.codes = new CodeFlow(verifier);
        this.handOffs = new HandOffFlow(scheduling.profile().owner().name());
        this.booking = new BookingFlow(finder, codes, handOffs);
        this.change = new ChangeFlow(finder, codes);
        this.owner = new OwnerFlow(pins, codes);
        this.recovery = new Recovery(booking, handOffs);
        this.safety = java.util.Objects.requireNonNull(safety, "safety");
    }

    /** The opening line of a conversation the business speaks first in. */
    void greet(Turn t) {
        if (owner.isOwner(t)) {
            owner.requestPin(t, null);
        } else {
            t.say(t.say.greeting(t.profile()));
        }
    }

    void route(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        if (h.isBlank()) {
            misunderstood(t);
            return;
        }
        if (c.state == DialogState.VERIFYING_OWNER) {
            owner.verify(t);
            return;
        }
        if (CodeFlow.answersCode(c, h)) {
            answerCode(t);
            return;
        }
        if (owner.asksToUnlock(t)) {
            owner.sendUnlockCode(t);
            return;
        }
        if (h.is(Intent.OWNER_BRIEFING) || (c.state == DialogState.OWNER_BRIEFING && c.ownerVerified
                && !h.is(Intent.GOODBYE) && !h.is(Intent.AFFIRM) && !h.is(Intent.DENY))) {
            if (!owner.isOwner(t)) {
                t.understood = true;
                t.say(t.say.ownerOnly());
                t.say(t.say.anythingElse());
                return;
            }
            if (!c.ownerVerified) {
                owner.requestPin(t, h.original());
                return;
            }
            owner.answer(t, h.text(), h.times());
            t.understood = true; // a question answered from the diary, even one that changed nothing
            t.say(t.say.whatElse());
            return;
        }
        if (handOffs.pending(c)) {
            handOffs.resume(t);
            return;
        }
        safetyFirst(t);
        if (h.emergency() && !c.emergency) {
            flagEmergency(t);
        }
        Optional<PersonRequest.Kind> person = handOffs.asked(h);
        if (person.isPresent()) {
            handOffs.requested(t, person.get());
            return;
        }
        if (h.scope().outside() && h.service() == null && !h.emergency() && !c.emergency) {
            declineOutOfScope(t);
            return;
        }
        switch (h.intent()) {
            case GOODBYE -> {
                if (c.state != DialogState.AWAITING_CONFIRMATION) {
                    t.say(t.say.goodbye());
                    t.actions.add(new DialogAction.EndConversation());
                    c.resetFlow();
                    return;
                }
            }
            case QUESTION -> {
                if (answerQuestion(t)) {
                    return;
                }
            }
            case CANCEL, RESCHEDULE -> {
                boolean midBooking = c.topic == Intent.BOOK && c.state != DialogState.IDLE && !c.state.isTerminal();
                if (midBooking && h.is(Intent.RESCHEDULE) && c.serviceId != null) {
                    // "can we make it half three", "no, use 07700 900444 instead" before anything is booked: a
                    // correction inside the booking, which keeps everything else
                    break;
                }
                if (midBooking && h.is(Intent.CANCEL)) {
                    t.say(t.say.bookingDropped());
                    c.resetFlow();
                    return;
                }
                if (c.topic != h.intent()) {
                    c.resetFlow();
                }
                change.advance(t, h.intent());
                return;
            }
            case BOOK, EMERGENCY -> {
                // A service named beside the new time is the booking being moved ("thursday morning, for the drain
                // cleaning"; "thursday morning clean" as a recogniser wrote "please"); only words that ask for
                // another visit start a new booking in the middle of a move.
                boolean answersTheMove = c.topic == Intent.RESCHEDULE && c.state != DialogState.IDLE
                        && !h.emergency() && (h.service() == null || !asksForAnotherVisit(h.text()))
                        && (h.hasTimes() || h.choice() != null);
                if (answersTheMove) {
                    change.advance(t, c.topic); // "can you do 3pm?" after the offers for a move
                    return;
                }
                if (c.topic == Intent.CANCEL || c.topic == Intent.RESCHEDULE) {
                    c.resetFlow();
                    if (h.emergency()) {
                        flagEmergency(t);
                    }
                }
                c.topic = Intent.BOOK;
            }
            default -> {
                // answers (yes/no, a name, a time...) continue whatever is under way
            }
        }
        continueTopic(t);
    }

    private static boolean asksForAnotherVisit(String normalized) {
        return normalized != null && ANOTHER_VISIT.matcher(normalized).find();
    }

    /** The caller typed (or said) the one-time code: once it checks out, the flow that asked for it goes on. */
    private void answerCode(Turn t) {
        Conversation c = t.conv;
        CodePurpose purpose = c.codePurpose;
        if (codes.answer(t) != CodeFlow.Result.VERIFIED) {
            return;
        }
        switch (purpose) {
            case CHANGE_BOOKING -> change.advance(t, c.topic == Intent.RESCHEDULE ? Intent.RESCHEDULE : Intent.CANCEL);
            case CALLBACK_NUMBER -> booking.next(t);
            case OWNER_UNLOCK -> owner.unlocked(t);
        }
    }

    private void continueTopic(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        switch (c.topic) {
            case CANCEL, RESCHEDULE -> change.advance(t, c.topic);
            case BOOK, EMERGENCY -> booking.advance(t);
            default -> {
                if (h.hasBookingContent() || h.scope().ambiguous()) {
                    booking.advance(t);
                } else if (h.is(Intent.GREETING)) {
                    t.understood = true;
                    t.say(t.say.greeting(t.profile()));
                } else if (h.is(Intent.DENY) && c.state == DialogState.IDLE) {
                    t.say(t.say.goodbye());
                    t.actions.add(new DialogAction.EndConversation());
                } else {
                    misunderstood(t);
                }
            }
        }
        if (!t.saidAnything()) {
            misunderstood(t);
        }
    }

    /**
     * Answers from the FAQ. A question that also carries booking details ("how much is a tankless install on
     * thursday afternoon?") gets the answer and then the booking goes on with every detail it carried; mid-flow,
     * the pending question is asked again so the flow resumes.
     */
    private boolean answerQuestion(Turn t) {
        Optional<String> answer = Optional.ofNullable(t.heard.faqAnswer());
        Conversation c = t.conv;
        if (answer.isEmpty() && (t.heard.hasBookingContent() || t.heard.scope().ambiguous())) {
            return false; // "can you do a drain cleaning friday?" reads as a question but is a booking
        }
        t.say(answer.map(t.say::relay).orElse(t.say.dontKnow()));
        boolean bookingTopic = c.topic == Intent.BOOK || c.topic == Intent.EMERGENCY || c.topic == Intent.UNKNOWN;
        t.understood = true;
        if (carriesBooking(t.heard) && bookingTopic) {
            booking.advance(t);
        } else if (bookingUnderWay(c)) {
            resumeBooking(t, false);
            LOG.debug("answered a question mid-booking; resumed at {}", c.expecting);
        } else {
            t.say(t.say.anythingElse());
        }
        return true;
    }

    /**
     * Whether a question also books: it names a service or gives the caller's details. A day on its own is what
     * the question is about ("are you open on saturday?"), not a wish to book it.
     */
    private static boolean carriesBooking(Heard h) {
        return h.service() != null || h.name() != null || h.address() != null || h.phone() != null;
    }

    /**
     * Work the business does not do ("do you fix cars?" to a plumber): a polite no that says what it does, and
     * never a booking; a booking already under way goes on where it was.
     */
    private void declineOutOfScope(Turn t) {
        Conversation c = t.conv;
        t.understood = true;
        t.say(t.say.outOfScope(t.profile().name(), t.profile().services().stream()
                .filter(s -> !s.emergency()).map(ServiceType::name).toList()));
        if (bookingUnderWay(c)) {
            resumeBooking(t, false);
        } else {
            t.say(t.say.anythingElse());
        }
    }

    /**
     * A danger the profile has advice for ("smell of gas", "water through the ceiling"): the conversation becomes an
     * emergency (the owner is alerted) and the advice is kept to be said first, once per conversation and rule.
     */
    private void safetyFirst(Turn t) {
        Conversation c = t.conv;
        List<SafetyRule> rules = t.profile().safety();
        if (rules.isEmpty()) {
            return;
        }
        safety.recognise(t.heard.original(), rules).filter(rule -> !c.safetyAdvised.contains(rule.id()))
                .ifPresent(rule -> {
                    c.safetyAdvised.add(rule.id());
                    t.safetyAdvice = rule.advice();
                    LOG.info("safety rule {} recognised; advice first", rule.id());
                    if (!c.emergency) {
                        flagEmergency(t);
                    }
                });
    }

    /** Puts the safety advice before everything else the turn says: before any booking question. */
    void adviseFirst(Turn t) {
        if (t.safetyAdvice != null) {
            t.sayFirst(t.say.safetyAdvice(t.safetyAdvice));
        }
    }

    private void flagEmergency(Turn t) {
        Conversation c = t.conv;
        c.emergency = true;
        c.topic = Intent.BOOK;
        t.actions.add(new DialogAction.EmergencyFlagged());
        t.profile().emergencyService().map(ServiceType::id).ifPresent(id -> {
            c.serviceId = id;
            c.chosen = null;
            c.offered = new ArrayList<>();
        });
        if (c.problem == null || c.problem.isBlank()) {
            String said = t.heard.original().strip();
            c.problem = said.length() > 300 ? said.substring(0, 300) : said;
        }
        // The caller is told the team was alerted only when the notifier says the owner will be told (stored for
        // delivery); without SMS, or when the alert could not be stored, the reply promises nothing.
        AlertReceipt receipt = AlertReceipt.NOT_CONFIGURED;
        if (!c.ownerNotified) {
            try {
                receipt = t.notifier.emergency(new EmergencyAlert(
                        c.phone != null ? c.phone : c.callerId == null ? "" : c.callerId,
                        c.name == null ? "" : c.name, c.address == null ? "" : c.address, c.problem, c.channel, t.now,
                        new SessionKey(c.channel, c.sessionId).toString()));
            } catch (RuntimeException e) {
                LOG.error("owner notification failed: {}", e.getClass().getSimpleName());
                receipt = new AlertReceipt.NotQueued(e.getClass().getSimpleName());
            }
            if (receipt.ownerWillBeTold()) {
                t.actions.add(new DialogAction.OwnerNotified());
            }
            // Not queued (a database hiccup): the next emergency turn tries again.
            c.ownerNotified = receipt.ownerWillBeTold() || receipt instanceof AlertReceipt.NotConfigured;
        }
        t.say(t.say.emergencyAck(receipt));
    }

    /** Says so and asks the pending question again; the {@link Recovery} policy decides how it is asked. */
    private void misunderstood(Turn t) {
        Conversation c = t.conv;
        t.say(t.say.notUnderstood());
        if (bookingUnderWay(c)) {
            resumeBooking(t, true);
        } else if (c.state == DialogState.VERIFYING_OWNER) {
            t.ask(t.say.ownerGreeting(t.profile().owner().name()), Expectation.PIN, DialogState.VERIFYING_OWNER);
        } else if (c.topic != Intent.CANCEL && c.topic != Intent.RESCHEDULE) {
            t.say(t.say.anythingElse());
        }
    }

    /** After the flows: counts a turn that changed nothing and rephrases, offers another way in, or hands off. */
    void recover(Turn t, Progress before, Expectation askedBefore) {
        recovery.afterTurn(t, before, askedBefore);
    }

    private static boolean bookingUnderWay(Conversation c) {
        return c.topic == Intent.BOOK && c.state != DialogState.IDLE && !c.state.isTerminal();
    }

    /**
     * Asks again what the booking was waiting for: the confirmation, a pick among the offers (repeating them after
     * a question, only asking to pick after a misunderstanding), or the next missing detail.
     */
    private void resumeBooking(Turn t, boolean afterMisunderstanding) {
        Conversation c = t.conv;
        if (c.state == DialogState.AWAITING_CONFIRMATION && c.chosen != null) {
            t.ask(t.say.confirmBooking(t.serviceName(c.serviceId), c.chosen, c.address, c.name, t.today()),
                    Expectation.YES_NO, DialogState.AWAITING_CONFIRMATION);
        } else if (c.state == DialogState.OFFERING && afterMisunderstanding) {
            t.ask(t.say.pickOneOfOffered(), Expectation.SLOT_CHOICE, DialogState.OFFERING);
        } else if (c.state == DialogState.OFFERING && !c.offered.isEmpty()) {
            t.ask(t.say.offerStarts(c.offered.subList(0, Math.min(3, c.offered.size())), t.today(), null),
                    Expectation.SLOT_CHOICE, DialogState.OFFERING);
        } else {
            Turn resume = new Turn(c, Heard.nothing(), t.say, t.scheduling, t.notifier, t.now, t.metrics,
                    t.bookings);
            booking.next(resume);
            t.say(resume.reply());
        }
    }
}

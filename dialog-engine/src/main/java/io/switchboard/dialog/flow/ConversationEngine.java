package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.ConversationOutcome;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.dialog.safety.SafetyRecognizer;
import io.switchboard.dialog.safety.SignMatcher;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.owner.OwnerLockout;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/** Runs one turn over a loaded conversation: builds the {@link Turn}, routes it, and shapes the result. */
public final class ConversationEngine {

    /** The metrics a preview counts into: none that anyone reads. */
    private static final Metrics UNCOUNTED = Metrics.disabled();

    private final Scheduling scheduling;
    private final Notifier notifier;
    private final TurnRouter router;
    private final Metrics metrics;
    private final Bookings bookings;
    private final PhoneVerifier codes;
    /** Shared with the previews' routers, so its prepared signs are prepared once. */
    private final SafetyRecognizer safety;

    public ConversationEngine(Scheduling scheduling, Notifier notifier) {
        this(scheduling, notifier, Metrics.disabled());
    }

    public ConversationEngine(Scheduling scheduling, Notifier notifier, Metrics metrics) {
        this(scheduling, notifier, metrics, PhoneVerifier.unavailable());
    }

    /** @param codes proves numbers by one-time code; {@link PhoneVerifier#unavailable()} without SMS */
    public ConversationEngine(Scheduling scheduling, Notifier notifier, Metrics metrics, PhoneVerifier codes) {
        this(scheduling, notifier, metrics, Objects.requireNonNull(codes, "codes"), new SignMatcher(),
                Bookings.of(scheduling.bookings()), null);
    }

    private ConversationEngine(Scheduling scheduling, Notifier notifier, Metrics metrics, PhoneVerifier codes,
                               SafetyRecognizer safety, Bookings bookings, TurnRouter router) {
        this.scheduling = scheduling;
        this.notifier = notifier;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.codes = codes;
        this.safety = safety;
        this.bookings = bookings;
        this.router = router != null ? router : new TurnRouter(scheduling, codes, safety);
    }

    /** The opening line of a conversation the business speaks first in. */
    public Transition greet(Conversation state) {
        Conversation c = state.copy();
        opened(c);
        Turn t = newTurn(c, Heard.digitsOnly(""));
        router.greet(t);
        neverRepeat(t);
        c.remember("Us", t.reply());
        return new Transition(c, result(t));
    }

    /**
     * One step: {@code state} and what was heard in, the next state and the turn's result (reply, effects,
     * expectation) out. {@code state} itself is not changed.
     */
    public Transition step(Conversation state, Heard heard, boolean previousReplyCut) {
        return step(state, heard, previousReplyCut, null);
    }

    /** As {@link #step(Conversation, Heard, boolean)}, for a message from {@code client} (a web client's address). */
    public Transition step(Conversation state, Heard heard, boolean previousReplyCut, String client) {
        Conversation c = state.copy();
        opened(c);
        if (c.state.isTerminal()) {
            c.resetFlow();
        }
        Turn t = newTurn(c, heard);
        t.questionUnheard = previousReplyCut;
        t.client = client;
        Progress before = Progress.of(c);
        Expectation askedBefore = c.expecting;
        router.route(t);
        router.recover(t, before, askedBefore);
        router.adviseFirst(t);
        neverRepeat(t);
        c.remember("Caller", heard.original());
        c.remember("Us", t.reply());
        c.updatedAt = scheduling.clock().instant();
        countOutcome(c);
        return new Transition(c, result(t));
    }

    /**
     * The step {@link #step(Conversation, Heard, boolean, String)} would make, computed with no effect: the turn runs
     * on a copy with every effect port refusing (nothing booked, moved or cancelled, no alert, hand-off, code or PIN
     * count) and nothing counted in the metrics. A turn that reaches for an effect has no preview: empty. Reads (the
     * diary's free slots, the caller's bookings, the profile) are real, so a preview says what the turn would say
     * now; applying it is running {@link #step} for real, which may then differ.
     */
    public Optional<Transition> preview(Conversation state, Heard heard, boolean previousReplyCut, String client) {
        DryRun dry = new DryRun();
        PhoneVerifier noCodes = dry.codes(codes);
        // A router of its own (a few small objects), so its code and PIN ports are this preview's refusing ones.
        ConversationEngine uncounted = new ConversationEngine(scheduling, dry.notifier(notifier), UNCOUNTED, noCodes,
                safety, dry.bookings(), new TurnRouter(scheduling, noCodes, safety,
                dry.pins(PinAttempts.of(new OwnerLockout(scheduling.database().dsl(), scheduling.clock())))));
        Transition step;
        try {
            step = uncounted.step(state, heard, previousReplyCut, client);
        } catch (DryRun.EffectRefused e) {
            return Optional.empty();
        }
        return dry.refused().isPresent() ? Optional.empty() : Optional.of(step);
    }

    /**
     * The one place that guarantees no reply is sent twice in a row word for word: the recovery policy rephrases
     * questions, and anything that would still repeat (a full re-ask after a barge-in) is marked as said again.
     */
    private static void neverRepeat(Turn t) {
        Conversation c = t.conv;
        if (t.saidAnything() && t.reply().hashCode() == c.lastReplyHash) {
            t.sayFirst(t.say.sayingAgain());
        }
        c.lastReplyHash = t.reply().hashCode();
    }

    /** A call that ends before any outcome counts as abandoned; one with an outcome was counted already. */
    public void ended(Conversation c) {
        if (!c.outcomeCounted) {
            c.outcomeCounted = true;
            metrics.conversations().ended(c.channel, ConversationOutcome.ABANDONED);
        }
    }

    /** The first message of a conversation: counted, and the start of its time-to-booking. */
    private void opened(Conversation c) {
        if (c.startedAt == null) {
            c.startedAt = scheduling.clock().instant();
            metrics.conversations().started(c.channel);
        }
    }

    private void countOutcome(Conversation c) {
        if (c.outcomeCounted) {
            return;
        }
        ConversationOutcome.of(c.state).ifPresent(outcome -> {
            c.outcomeCounted = true;
            metrics.conversations().ended(c.channel, outcome);
        });
    }

    private Turn newTurn(Conversation c, Heard heard) {
        ZonedDateTime now = ZonedDateTime.now(scheduling.clock()).withZoneSameInstant(scheduling.profile().timezone());
        return new Turn(c, heard, Phrasing.forChannel(c.channel), scheduling, notifier, now, metrics,
                bookings);
    }

    private static TurnResult result(Turn t) {
        Conversation c = t.conv;
        ZonedDateTime when = c.chosen;
        LocalDate date = when != null ? when.toLocalDate() : c.wanted.isEmpty() ? null : c.wanted.get(0).date();
        LocalTime time = when != null ? when.toLocalTime() : c.wanted.isEmpty() ? null : c.wanted.get(0).time();
        if (t.appointment != null) {
            date = t.appointment.slot().start().toLocalDate();
            time = t.appointment.slot().start().toLocalTime();
        }
        String service = c.serviceId != null ? c.serviceId : t.appointment != null ? t.appointment.serviceId() : null;
        SlotSnapshot slots = new SlotSnapshot(c.name, c.phone, c.address, c.problem, service, date, time,
                c.emergency || (t.appointment != null && t.appointment.emergency()));
        DialogState state = c.state == DialogState.READY_TO_BOOK ? DialogState.FAILED : c.state;
        Expectation expecting = c.expecting.is(Expectation.Slot.SLOT_CHOICE) && !c.offered.isEmpty()
                ? Expectation.offering(c.offered) : c.expecting;
        return new TurnResult(c.sessionId, t.reply(), c.topic, state, slots, t.appointment, t.actions, expecting);
    }
}

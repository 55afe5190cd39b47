package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.ConversationOutcome;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.scheduling.Scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/** Runs one turn over a loaded conversation: builds the {@link Turn}, routes it, and shapes the result. */
public final class ConversationEngine {

    private final Scheduling scheduling;
    private final Notifier notifier;
    private final TurnRouter router;
    private final Metrics metrics;

    public ConversationEngine(Scheduling scheduling, Notifier notifier) {
        this(scheduling, notifier, Metrics.disabled());
    }

    public ConversationEngine(Scheduling scheduling, Notifier notifier, Metrics metrics) {
        this.scheduling = scheduling;
        this.notifier = notifier;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.router = new TurnRouter(scheduling);
    }

    public TurnResult greet(Conversation c) {
        opened(c);
        Turn t = newTurn(c, Heard.digitsOnly(""));
        router.greet(t);
        return result(t);
    }

    public TurnResult handle(Conversation c, Heard heard, boolean previousReplyCut) {
        opened(c);
        if (c.state.isTerminal()) {
            c.resetFlow();
        }
        Turn t = newTurn(c, heard);
        t.questionUnheard = previousReplyCut;
        router.route(t);
        c.updatedAt = scheduling.clock().instant();
        countOutcome(c);
        return result(t);
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
        return new Turn(c, heard, Phrasing.forChannel(c.channel), scheduling, notifier, now, metrics);
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
        return new TurnResult(c.sessionId, t.reply(), c.topic, state, slots, t.appointment, t.actions, c.expecting);
    }
}

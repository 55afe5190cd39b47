package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.booking.Actor;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** One turn in progress: the conversation, what was heard, and the reply and actions being built. */
final class Turn {

    final Conversation conv;
    final Heard heard;
    final Phrasing say;
    final Scheduling scheduling;
    final Notifier notifier;
    /** Where bookings, moves and cancellations go: the booking service, or in a preview a port that refuses. */
    final Bookings bookings;
    final ZonedDateTime now;
    final Metrics metrics;
    /** The caller cut the previous reply short: its closing question was not heard. */
    boolean questionUnheard;
    /** Where the message came from when that is not the sender's number (a web client's address), or null. */
    String client;
    /**
     * The message was understood even though it changed nothing (a question answered, a greeting returned), so
     * it does not count as a failed answer to the pending question.
     */
    boolean understood;
    /** A safety rule's advice recognised this turn: said before everything else (see {@link TurnRouter#adviseFirst}). */
    String safetyAdvice;

    private final List<String> sentences = new ArrayList<>();
    final List<DialogAction> actions = new ArrayList<>();
    Appointment appointment;

    Turn(Conversation conv, Heard heard, Phrasing say, Scheduling scheduling, Notifier notifier, ZonedDateTime now,
         Metrics metrics, Bookings bookings) {
        this.bookings = bookings;
        this.metrics = metrics;
        this.conv = conv;
        this.heard = heard;
        this.say = say;
        this.scheduling = scheduling;
        this.notifier = notifier;
        this.now = now;
    }

    BusinessProfile profile() {
        return scheduling.profile();
    }

    LocalDate today() {
        return now.toLocalDate();
    }

    Actor actor() {
        return new Actor(conv.channel, conv.sessionId);
    }

    String serviceName(String id) {
        return profile().service(id).map(ServiceType::name).orElse(id);
    }

    void say(String sentence) {
        if (sentence != null && !sentence.isBlank()) {
            sentences.add(sentence.strip());
        }
    }

    /** Says {@code question} and remembers what it asked for, so the next message is read in that light. */
    void ask(String question, Expectation expecting, DialogState state) {
        say(question);
        conv.expecting = expecting;
        conv.state = state;
    }

    /** Drops what this turn was going to say (not what it did), for a reply rebuilt by the recovery policy. */
    void unsay() {
        sentences.clear();
    }

    /** Puts {@code sentence} before everything said so far. */
    void sayFirst(String sentence) {
        if (sentence != null && !sentence.isBlank()) {
            sentences.add(0, sentence.strip());
        }
    }

    boolean saidAnything() {
        return !sentences.isEmpty();
    }

    String reply() {
        return String.join(" ", sentences);
    }
}

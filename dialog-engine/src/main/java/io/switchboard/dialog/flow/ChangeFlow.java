package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.phrasing.CodePhrasing;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Appointment;
import io.switchboard.models.Intent;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.reminder.ReminderStore;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moving and cancelling: find the caller's appointment by their phone number (and the date when they have
 * several), confirm, then act. Nothing changes without an explicit yes.
 *
 * <p>Only bookings of the conversation's verified identity can be changed: the caller ID the channel proves (the
 * signed {@code From} of an SMS or call, the WhatsApp sender) or a number proved in this conversation with a
 * one-time code ({@link CodeFlow}), never a number the caller merely says. A caller who names another number ("it was
 * booked under my wife's phone") gets a code texted to that number when SMS is configured; without SMS they are told
 * changes are made from the booking's phone and a message is left for the owner. Either way the reply is the same
 * whether or not that number has bookings. A web visitor, who proves nothing, is asked for the booking's number and
 * sent a code the same way. Every change is announced to the booking's own number by the adapters
 * ({@link DialogAction.Rescheduled}, {@link DialogAction.Cancelled}).
 */
final class ChangeFlow {

    /** How long after a reminder a reply without a date is taken to be about the reminded booking. */
    private static final Duration REMINDER_REPLY_WINDOW = Duration.ofHours(36);

    private final SlotFinder slots;
    private final CodeFlow codes;

    ChangeFlow(SlotFinder slots, CodeFlow codes) {
        this.slots = slots;
        this.codes = codes;
    }

    void advance(Turn t, Intent kind) {
        Conversation c = t.conv;
        Heard h = t.heard;
        c.topic = kind;
        Optional<Appointment> target = target(t);
        if (target.isEmpty()) {
            return; // a question was asked
        }
        Appointment a = target.get();
        String service = t.serviceName(a.serviceId());

        if (kind == Intent.CANCEL) {
            if (c.state == DialogState.AWAITING_CONFIRMATION && h.is(Intent.AFFIRM) && !t.questionUnheard) {
                cancel(t, a);
            } else if (c.state == DialogState.AWAITING_CONFIRMATION && h.is(Intent.DENY)) {
                keep(t);
            } else {
                t.ask(t.say.confirmCancel(service, a.slot().start(), t.today()), Expectation.YES_NO,
                        DialogState.AWAITING_CONFIRMATION);
            }
            return;
        }

        if (c.state == DialogState.AWAITING_CONFIRMATION && c.chosen != null && !newWish(h, a, c)) {
            if (h.is(Intent.AFFIRM) && !t.questionUnheard) {
                move(t, a);
                return;
            }
            if (h.is(Intent.DENY)) {
                keep(t);
                return;
            }
        }
        Integer choice = Choices.consistent(h, c.offered);
        if (c.state == DialogState.OFFERING && choice != null) {
            c.chosen = c.offered.get(choice);
        } else if (c.state == DialogState.OFFERING && h.is(Intent.AFFIRM) && c.offered.size() == 1) {
            c.chosen = c.offered.get(0);
        } else if (newWish(h, a, c)) {
            List<TimePreference> wishes = wishesFor(h, a, c);
            c.wanted = BookingFlow.merge(c.wanted, wishes, c);
            c.chosen = null;
        }
        if (c.chosen == null) {
            if (c.wanted.isEmpty()) {
                t.ask(t.say.askNewTime(service, a.slot().start(), t.today()), Expectation.DATE_TIME, DialogState.COLLECTING);
                return;
            }
            switch (slots.find(a.serviceId(), c.wanted, c.channel, t.today())) {
                case SlotFinder.Offer.Exact e -> c.chosen = e.start();
                case SlotFinder.Offer.Starts s -> {
                    c.offered = new ArrayList<>(s.starts());
                    String why = s.wantedTaken() != null ? t.say.wantedTimeTaken(s.wantedTaken(), t.today())
                            : s.outsideWindow() ? t.say.nothingInWindow() : null;
                    t.ask(t.say.offerStarts(s.starts(), t.today(), why), Expectation.SLOT_CHOICE, DialogState.OFFERING);
                    return;
                }
                case SlotFinder.Offer.Ranges r -> {
                    c.offered = new ArrayList<>(r.starts());
                    t.ask(t.say.offerRanges(r.day(), r.ranges(), t.today(), null), Expectation.SLOT_CHOICE,
                            DialogState.OFFERING);
                    return;
                }
                case SlotFinder.Offer.Nothing n -> {
                    t.say(t.say.nothingAtAll());
                    c.state = DialogState.FAILED;
                    return;
                }
            }
        }
        c.offered = new ArrayList<>();
        t.ask(t.say.confirmMove(service, a.slot().start(), c.chosen, t.today()), Expectation.YES_NO,
                DialogState.AWAITING_CONFIRMATION);
    }

    /** The appointment to act on, or empty after asking the caller to say which (or whose). */
    private Optional<Appointment> target(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        if (CodeFlow.awaiting(c)) {
            codes.askAgain(t); // not the code: ask for it again rather than send another
            return Optional.empty();
        }
        List<String> proven = CodeFlow.proven(t);
        String named = h.phone() == null ? null : e164(t, h.phone());
        if (named != null && !proven.contains(named)) {
            proveNamed(t, named, !proven.isEmpty());
            return Optional.empty();
        }
        if (proven.isEmpty()) {
            askWhichNumber(t);
            return Optional.empty();
        }
        if (c.targetAppointment != null) {
            Optional<Appointment> a = t.scheduling.appointments().find(c.targetAppointment)
                    .filter(x -> belongsTo(t, x, proven));
            if (a.isPresent() && a.get().status().holdsSlot()) {
                return a;
            }
            c.targetAppointment = null;
        }
        if (!c.candidates.isEmpty()) {
            Optional<Appointment> picked = pick(t, c.candidates).filter(x -> belongsTo(t, x, proven));
            if (picked.isPresent()) {
                c.targetAppointment = picked.get().id();
                c.candidates = new ArrayList<>();
                return picked;
            }
        }
        List<Appointment> mine = bookedFor(t, proven);
        if (mine.isEmpty()) {
            t.say(t.say.noAppointmentFound().split("\\. ")[0] + ".");
            if (codes.available() && c.codesSent < CodeFlow.MAX_CODES_PER_CONVERSATION) {
                // another number can be proved by a code, so naming it leads somewhere
                t.ask(CodePhrasing.forChannel(c.channel).askOtherNumber(), Expectation.PHONE, DialogState.COLLECTING);
                return Optional.empty();
            }
            // without codes never ask "which number was it booked under?": another number's bookings are not this
            // caller's to change
            t.say(t.say.changeOnlyFromBookingPhone());
            c.state = DialogState.FAILED;
            c.expecting = Expectation.NONE;
            return Optional.empty();
        }
        List<Appointment> onDay = onMentionedDay(h, mine);
        if (mine.size() == 1 || onDay.size() == 1) {
            Appointment a = mine.size() == 1 ? mine.get(0) : onDay.get(0);
            c.targetAppointment = a.id();
            return Optional.of(a);
        }
        if (c.lastAppointment != null && mine.stream().anyMatch(a -> a.id().equals(c.lastAppointment)) && onDay.isEmpty()) {
            Appointment a = mine.stream().filter(x -> x.id().equals(c.lastAppointment)).findFirst().orElseThrow();
            c.targetAppointment = a.id();
            return Optional.of(a);
        }
        Optional<Appointment> reminded = onDay.isEmpty() ? remindedOf(t, proven, mine) : Optional.empty();
        if (reminded.isPresent()) {
            c.targetAppointment = reminded.get().id(); // a reply to yesterday's reminder is about that booking
            return reminded;
        }
        List<Appointment> options = mine.stream().limit(3).toList();
        c.candidates = new ArrayList<>(options.stream().map(Appointment::id).toList());
        t.ask(t.say.whichAppointment(options, t.today(), t::serviceName), Expectation.SLOT_CHOICE, DialogState.COLLECTING);
        return Optional.empty();
    }

    /** The bookings still ahead of every number this conversation has proven, soonest first. */
    private static List<Appointment> bookedFor(Turn t, List<String> proven) {
        List<Appointment> out = new ArrayList<>();
        for (String phone : proven) {
            out.addAll(t.scheduling.appointments().bookedForPhone(phone, t.now.toInstant()));
        }
        out.sort(Comparator.comparing((Appointment a) -> a.slot().start()));
        return out;
    }

    /** The booking among {@code mine} that one of the proven numbers was sent a day-before reminder of, lately. */
    private static Optional<Appointment> remindedOf(Turn t, List<String> proven, List<Appointment> mine) {
        for (String phone : proven) {
            Optional<Appointment> reminded = ReminderStore.lastRemindedFor(t.scheduling.database().dsl(), phone,
                            t.now.toInstant(), REMINDER_REPLY_WINDOW)
                    .flatMap(id -> mine.stream().filter(a -> a.id().equals(id)).findFirst());
            if (reminded.isPresent()) {
                return reminded;
            }
        }
        return Optional.empty();
    }

    /**
     * The caller named a number this conversation has not proven. With SMS a code goes to that number (the named
     * number's bookings open only once it is typed back); without, nothing is changed and the owner is told.
     */
    private void proveNamed(Turn t, String named, boolean callerHasOwnNumber) {
        Conversation c = t.conv;
        if (!codes.available()) {
            notProven(t);
            return;
        }
        keepWishes(t);
        if (callerHasOwnNumber) {
            t.say(CodePhrasing.forChannel(c.channel).otherNumberNeedsCode());
        }
        if (!codes.send(t, named, CodePurpose.CHANGE_BOOKING)) {
            notProven(t);
        }
    }

    /**
     * Nothing is proven (a public web visitor, a withheld caller ID). With SMS the visitor is asked for the
     * booking's number, to text it a code; without, they are told plainly how a change can be made.
     */
    private void askWhichNumber(Turn t) {
        Conversation c = t.conv;
        if (!codes.available() || c.codesSent >= CodeFlow.MAX_CODES_PER_CONVERSATION) {
            notProven(t);
            return;
        }
        if (c.expecting.is(Expectation.Slot.PHONE) && t.heard.is(Intent.DENY)) {
            keep(t);
            return;
        }
        keepWishes(t);
        t.ask(CodePhrasing.forChannel(c.channel).askNumberForChange(), Expectation.PHONE, DialogState.COLLECTING);
    }

    /** "Move it to thursday" said before the number is proven still counts once it is. */
    private static void keepWishes(Turn t) {
        Conversation c = t.conv;
        if (c.topic == Intent.RESCHEDULE && t.heard.hasTimes()) {
            c.wanted = BookingFlow.merge(c.wanted, t.heard.times(), c);
        }
    }

    private static String e164(Turn t, String raw) {
        return CodeFlow.e164(t, raw);
    }

    private static boolean belongsTo(Turn t, Appointment a, List<String> proven) {
        return proven.contains(e164(t, a.customer().phone()));
    }

    /**
     * The caller wants a booking changed that this conversation cannot prove is theirs. Nothing is looked up for the
     * number they named (the reply must not tell whether it has bookings); the owner gets a message to call the
     * caller back, on the caller's own number when there is one.
     */
    private static void notProven(Turn t) {
        Conversation c = t.conv;
        t.say(t.say.changeOnlyFromBookingPhone());
        c.expecting = Expectation.NONE;
        c.candidates = new ArrayList<>();
        c.targetAppointment = null;
        if (c.callerId == null || c.callerId.isBlank()) {
            c.state = DialogState.FAILED; // no number to call back on: promising a call would be untrue
            return;
        }
        io.switchboard.dialog.AlertReceipt receipt = HandOffFlow.notifyOwner(t, "identity_unproven", "");
        t.say(t.say.handedOff(t.profile().owner().name(), receipt, false));
        String summary = (c.topic == Intent.CANCEL ? "cancel" : "reschedule")
                + " request for a booking under another number (not changed)";
        t.actions.add(new DialogAction.MessageForOwner(c.callerId, c.name, summary, "identity_unproven"));
        c.state = DialogState.HANDED_OFF;
    }

    private Optional<Appointment> pick(Turn t, List<UUID> ids) {
        List<Appointment> options = ids.stream().map(id -> t.scheduling.appointments().find(id))
                .flatMap(Optional::stream).filter(a -> a.status().holdsSlot()).toList();
        Heard h = t.heard;
        if (h.choice() != null && h.choice() >= 0 && h.choice() < options.size()) {
            return Optional.of(options.get(h.choice()));
        }
        List<Appointment> onDay = onMentionedDay(h, options);
        return onDay.size() == 1 ? Optional.of(onDay.get(0)) : Optional.empty();
    }

    private static List<Appointment> onMentionedDay(Heard h, List<Appointment> options) {
        // "move my appointment tomorrow to wednesday": tomorrow names it; without such words any day may
        List<TimePreference> naming = h.existing().isEmpty() ? h.times() : h.existing();
        List<LocalDate> days = naming.stream().map(TimePreference::date).filter(d -> d != null).toList();
        return options.stream().filter(a -> days.contains(a.slot().start().toLocalDate())).toList();
    }

    /** A time wish that is about the new slot, not just the day naming which appointment. */
    private static boolean newWish(Heard h, Appointment a, Conversation c) {
        return !wishesFor(h, a, c).isEmpty();
    }

    /**
     * The wishes for the new slot. A bare time keeps the day the caller is talking about: the day already wished
     * for or offered in this move, else the appointment's own day ("can we make it 4 instead").
     */
    private static List<TimePreference> wishesFor(Heard h, Appointment a, Conversation c) {
        LocalDate current = a.slot().start().toLocalDate();
        LocalDate discussed = c.wanted.stream().map(TimePreference::date).filter(d -> d != null).findFirst()
                .orElse(c.offered.isEmpty() ? current : c.offered.get(0).toLocalDate());
        List<TimePreference> out = new ArrayList<>();
        for (TimePreference p : h.times()) {
            if (p.isEmpty()) {
                continue;
            }
            boolean onlyNamesTheAppointment = current.equals(p.date()) && p.time() == null && p.partOfDay() == null
                    && p.notBefore() == null && p.notAfter() == null;
            if (onlyNamesTheAppointment) {
                continue;
            }
            // "can we make it 4 instead": a bare time means the same day
            out.add(p.date() == null && p.time() != null ? p.withDate(discussed) : p);
        }
        return out;
    }

    private void move(Turn t, Appointment a) {
        Conversation c = t.conv;
        c.state = DialogState.READY_TO_BOOK;
        TimeSlot previous = a.slot();
        BookingResult r = t.bookings.reschedule(a.id(), c.chosen, t.actor());
        switch (r) {
            case BookingResult.Success s -> {
                t.appointment = s.appointment();
                c.lastAppointment = a.id();
                if (!s.replayed()) {
                    t.actions.add(new DialogAction.Rescheduled(s.appointment(), previous));
                }
                c.state = DialogState.BOOKED;
                c.expecting = Expectation.NONE;
                t.say(t.say.moved(t.serviceName(a.serviceId()), s.appointment().slot().start(), t.today()));
            }
            case BookingResult.SlotTaken taken -> {
                c.chosen = null;
                List<ZonedDateTime> alternatives = taken.alternatives().stream().map(TimeSlot::start).toList();
                c.offered = new ArrayList<>(alternatives);
                t.ask(alternatives.isEmpty() ? t.say.slotJustTaken()
                                : t.say.offerStarts(alternatives, t.today(), t.say.slotJustTaken()),
                        alternatives.isEmpty() ? Expectation.DATE_TIME : Expectation.SLOT_CHOICE,
                        alternatives.isEmpty() ? DialogState.COLLECTING : DialogState.OFFERING);
            }
            case BookingResult.Rejected rej -> {
                c.chosen = null;
                c.wanted = new ArrayList<>();
                t.say(t.say.cannotBook(rej.message()));
                t.ask(t.say.askNewTime(t.serviceName(a.serviceId()), a.slot().start(), t.today()),
                        Expectation.DATE_TIME, DialogState.COLLECTING);
            }
        }
    }

    private void cancel(Turn t, Appointment a) {
        Conversation c = t.conv;
        BookingResult r = t.bookings.cancel(a.id(), t.actor());
        if (r instanceof BookingResult.Success s) {
            t.appointment = s.appointment();
            c.lastAppointment = a.id();
            if (!s.replayed()) {
                t.actions.add(new DialogAction.Cancelled(s.appointment()));
            }
            c.state = DialogState.CANCELLED;
            c.expecting = Expectation.NONE;
            t.say(t.say.cancelled(t.serviceName(a.serviceId()), a.slot().start(), t.today()));
        } else {
            t.say(t.say.cannotBook(((BookingResult.Rejected) r).message()));
            c.state = DialogState.FAILED;
        }
    }

    private void keep(Turn t) {
        t.say(t.say.keptAsIs());
        t.conv.resetFlow();
    }
}

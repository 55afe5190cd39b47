package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Appointment;
import io.switchboard.models.Intent;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.booking.BookingResult;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moving and cancelling: find the caller's appointment by their phone number (and the date when they have
 * several), confirm, then act. Nothing changes without an explicit yes.
 *
 * <p>Only bookings of the conversation's verified identity can be changed: the caller ID the channel proves (the
 * signed {@code From} of an SMS or call, the WhatsApp sender), never a number the caller says. A caller who names
 * another number ("it was booked under my wife's phone") is told changes are made from the booking's phone and a
 * message is left for the owner, and the reply is the same whether or not that number has bookings. Every change
 * is announced to the booking's own number by the adapters ({@link DialogAction.Rescheduled},
 * {@link DialogAction.Cancelled}).
 */
final class ChangeFlow {

    private final SlotFinder slots;

    ChangeFlow(SlotFinder slots) {
        this.slots = slots;
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
        String identity = verifiedIdentity(t);
        if (identity == null || (h.phone() != null && !identity.equals(e164(t, h.phone())))) {
            notProven(t);
            return Optional.empty();
        }
        if (c.targetAppointment != null) {
            Optional<Appointment> a = t.scheduling.appointments().find(c.targetAppointment)
                    .filter(x -> belongsTo(t, x, identity));
            if (a.isPresent() && a.get().status().holdsSlot()) {
                return a;
            }
            c.targetAppointment = null;
        }
        if (!c.candidates.isEmpty()) {
            Optional<Appointment> picked = pick(t, c.candidates).filter(x -> belongsTo(t, x, identity));
            if (picked.isPresent()) {
                c.targetAppointment = picked.get().id();
                c.candidates = new ArrayList<>();
                return picked;
            }
        }
        List<Appointment> mine = t.scheduling.appointments().bookedForPhone(identity, t.now.toInstant());
        if (mine.isEmpty()) {
            // never ask "which number was it booked under?": another number's bookings are not this caller's to change
            t.say(t.say.noAppointmentFound().split("\\. ")[0] + ".");
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
        List<Appointment> options = mine.stream().limit(3).toList();
        c.candidates = new ArrayList<>(options.stream().map(Appointment::id).toList());
        t.ask(t.say.whichAppointment(options, t.today(), t::serviceName), Expectation.SLOT_CHOICE, DialogState.COLLECTING);
        return Optional.empty();
    }

    /**
     * The number this conversation has proven it speaks for, in E.164, or null when nothing is proven (a web
     * visitor, a withheld caller ID).
     */
    private static String verifiedIdentity(Turn t) {
        String callerId = t.conv.callerId;
        return callerId == null || callerId.isBlank() ? null : e164(t, callerId);
    }

    private static String e164(Turn t, String raw) {
        return t.scheduling.phones().toE164(raw).orElse(raw.strip());
    }

    private static boolean belongsTo(Turn t, Appointment a, String identity) {
        return identity.equals(e164(t, a.customer().phone()));
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
        BookingResult r = t.scheduling.bookings().reschedule(a.id(), c.chosen, t.actor());
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
        BookingResult r = t.scheduling.bookings().cancel(a.id(), t.actor());
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

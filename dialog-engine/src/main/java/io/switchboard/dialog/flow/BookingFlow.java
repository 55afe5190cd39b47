package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.metrics.BookingOutcome;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.PartToChange;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.IntakeField;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;
import io.switchboard.models.TimeSlot;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking conversation: collect what is missing one question at a time, check availability once service and
 * time are known, offer, confirm, and only then book. The booking itself is the backend's decision; this flow
 * only ever books a slot the caller explicitly confirmed after it was verified free.
 */
final class BookingFlow {

    private static final int MAX_PROBLEM = Conversation.MAX_PROBLEM;

    private final SlotFinder slots;
    private final CodeFlow codes;
    private final HandOffFlow handOffs;

    BookingFlow(SlotFinder slots, CodeFlow codes, HandOffFlow handOffs) {
        this.slots = slots;
        this.codes = codes;
        this.handOffs = handOffs;
    }

    void advance(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        c.topic = Intent.BOOK;
        boolean answeringWhatToChange = c.askedWhatToChange;
        if (c.askedWhatToChange) {
            c.askedWhatToChange = false;
            if (!h.hasBookingContent() && h.is(Intent.DENY) && c.state == DialogState.AWAITING_CONFIRMATION) {
                // "no" to "what would you like to change?" after a "no" to the read-back: asking again would only go
                // round in a circle (a garbled "no thank you goodbye" did, to the turn limit). Nothing is booked; the
                // owner gets what the caller wanted, in case it was the receptionist who misunderstood.
                handOffs.giveUp(t, "read_back_declined");
                return;
            }
            if (!h.hasBookingContent() && changeNamed(t)) {
                return;
            }
        }
        boolean confirming = c.state == DialogState.AWAITING_CONFIRMATION && c.chosen != null;
        if (confirming && h.is(Intent.DENY)) {
            c.refusedReadBacks++;
        }
        boolean correcting = h.hasBookingContent() && (answeringWhatToChange || h.correction()
                || h.is(Intent.RESCHEDULE) || (confirming && h.is(Intent.DENY)));
        if (h.is(Intent.RESCHEDULE) && !h.hasBookingContent() && changeNamed(t)) {
            return; // "can I change the time?" before anything is booked
        }
        Progress before = Progress.of(c);
        absorb(t);
        if (correcting) {
            noteCorrected(c, before);
        }
        if (h.hasBookingContent() || h.email() != null) {
            t.understood = true; // details repeated as they were are not a failed answer
        }

        if (h.earlier() && (c.state == DialogState.OFFERING || confirming)) {
            offerEarlier(t);
            return;
        }
        if (confirming && !h.hasTimes() && !correcting) {
            if (h.is(Intent.AFFIRM) && t.questionUnheard) {
                // a yes that talked over the question answers something else: ask again, in full
                t.ask(t.say.confirmBooking(t.serviceName(c.serviceId), c.chosen, c.address, c.name, t.today()),
                        Expectation.YES_NO, DialogState.AWAITING_CONFIRMATION);
                return;
            }
            if (h.is(Intent.AFFIRM)) {
                book(t);
                return;
            }
            if (h.is(Intent.DENY)) {
                // a bare "no" keeps everything and asks which part is wrong
                c.askedWhatToChange = true;
                t.ask(t.say.askWhatToChange(), Expectation.CHANGE, DialogState.AWAITING_CONFIRMATION);
                return;
            }
        }
        String acknowledgement = correcting ? acknowledgement(t, before) : null;
        if (c.state == DialogState.OFFERING && c.chosen == null) {
            pickFromOffer(t);
            if (t.saidAnything()) {
                t.sayFirst(acknowledgement);
                return;
            }
        }
        next(t);
        t.sayFirst(acknowledgement);
    }

    /**
     * The caller said which part to change ("the time", "the address") without the new value: that one detail is
     * cleared and asked for; "nothing" confirms again as it was. False when no detail was named.
     */
    private boolean changeNamed(Turn t) {
        Conversation c = t.conv;
        String said = " " + t.heard.text() + " ";
        Optional<Expectation.Slot> part = PartToChange.named(t.heard.text());
        if (part.isPresent()) {
            switch (part.get()) {
                case DATE_TIME -> {
                    c.chosen = null;
                    c.offered = new ArrayList<>();
                    c.wanted = new ArrayList<>();
                    c.bookingKey = null;
                    t.ask(t.say.askWhen(t.serviceName(c.serviceId)), Expectation.DATE_TIME, DialogState.COLLECTING);
                }
                case ADDRESS -> {
                    c.correcting = Expectation.Slot.ADDRESS;
                    c.address = null;
                    c.addressParts = null;
                    t.ask(t.say.askAddress(), Expectation.ADDRESS, DialogState.COLLECTING);
                }
                case PHONE -> {
                    c.phone = null;
                    c.phoneConfirmed = true;
                    t.ask(t.say.askPhone(), Expectation.PHONE, DialogState.COLLECTING);
                }
                default -> {
                    c.correcting = Expectation.Slot.NAME;
                    c.name = null;
                    t.ask(t.say.askName(), Expectation.NAME, DialogState.COLLECTING);
                }
            }
            return true;
        }
        if (c.chosen != null && (t.heard.is(Intent.AFFIRM) || said.matches(".* (?:nothing|fine|never mind|nevermind) .*"))) {
            next(t);
            return true;
        }
        if (c.chosen != null && t.heard.is(Intent.DENY)) {
            c.askedWhatToChange = true;
            t.ask(t.say.askWhatToChange(), Expectation.CHANGE, DialogState.AWAITING_CONFIRMATION);
            return true;
        }
        return false;
    }

    /** Which of the details a person types better than they say a correction changed, for the recovery. */
    private static void noteCorrected(Conversation c, Progress before) {
        if (c.address != null && !c.address.equals(before.address())) {
            c.correcting = Expectation.Slot.ADDRESS;
        }
        if (c.name != null && !c.name.equals(before.name())) {
            c.correcting = Expectation.Slot.NAME;
        }
    }

    /** "OK, 4 pm instead.": names the one detail a correction changed, or null when it changed nothing. */
    private static String acknowledgement(Turn t, Progress before) {
        Conversation c = t.conv;
        Heard h = t.heard;
        // only a detail that was there before can be changed "instead"
        boolean hadTime = !before.wanted().isEmpty() || before.chosen() != null;
        if (h.hasTimes() && hadTime && !c.wanted.equals(before.wanted())) {
            return t.say.changedTo(Expectation.DATE_TIME, describe(t, h.times().get(0)));
        }
        if (h.address() != null && before.address() != null && !c.address.equals(before.address())) {
            return t.say.changedTo(Expectation.ADDRESS, c.address);
        }
        if (h.phone() != null && before.phone() != null && !c.phone.equals(before.phone())) {
            return t.say.changedTo(Expectation.PHONE, c.phone);
        }
        if (h.name() != null && before.name() != null && !c.name.equals(before.name())) {
            return t.say.changedTo(Expectation.NAME, c.name);
        }
        if (h.service() != null && before.serviceId() != null && !h.service().id().equals(before.serviceId())) {
            return t.say.changedTo(Expectation.SERVICE, h.service().name());
        }
        return null;
    }

    private static String describe(Turn t, TimePreference p) {
        List<String> parts = new ArrayList<>();
        if (p.date() != null) {
            parts.add(t.say.day(p.date(), t.today()));
        }
        if (p.time() != null) {
            parts.add((p.date() != null ? "at " : "") + t.say.time(p.time()));
        } else if (p.partOfDay() != null) {
            parts.add(p.partOfDay().name().toLowerCase(java.util.Locale.ROOT));
        }
        String d = String.join(" ", parts);
        return d.isEmpty() ? "that" : d;
    }

    /** "Anything sooner?": the earliest free starts before what is on the table, or says there are none. */
    private void offerEarlier(Turn t) {
        Conversation c = t.conv;
        ZonedDateTime reference = c.chosen != null ? c.chosen
                : c.offered.stream().min(ZonedDateTime::compareTo).orElse(null);
        List<ZonedDateTime> earlier = reference == null ? List.of()
                : slots.earlierThan(c.serviceId, reference, t.today());
        if (earlier.isEmpty()) {
            t.say(t.say.nothingEarlier());
            if (c.chosen != null) {
                t.ask(t.say.confirmBooking(t.serviceName(c.serviceId), c.chosen, c.address, c.name, t.today()),
                        Expectation.YES_NO, DialogState.AWAITING_CONFIRMATION);
            } else {
                t.ask(t.say.pickOneOfOffered(), Expectation.SLOT_CHOICE, DialogState.OFFERING);
            }
            return;
        }
        c.chosen = null;
        c.bookingKey = null;
        c.wanted = new ArrayList<>(List.of(TimePreference.asSoonAsPossible()));
        c.offered = new ArrayList<>(earlier);
        t.ask(t.say.offerStarts(earlier, t.today(), null), Expectation.SLOT_CHOICE, DialogState.OFFERING);
    }

    /** Asks for the next missing thing, offers slots, or asks for confirmation. */
    void next(Turn t) {
        Conversation c = t.conv;
        if (c.serviceId == null && c.serviceOptions.size() > 1) {
            t.ask(t.say.askWhichService(c.serviceOptions.stream().map(t::serviceName).toList()), Expectation.SERVICE,
                    DialogState.COLLECTING);
            return;
        }
        if (c.serviceId == null) {
            t.ask(t.say.askService(), Expectation.SERVICE, DialogState.COLLECTING);
            return;
        }
        if (c.chosen == null) {
            if (c.wanted.isEmpty() && !c.emergency) {
                t.ask(t.say.askWhen(t.serviceName(c.serviceId)), Expectation.DATE_TIME, DialogState.COLLECTING);
                return;
            }
            offer(t);
            if (c.chosen == null) {
                return;
            }
        }
        if (t.profile().requires(IntakeField.NAME) && blank(c.name)) {
            t.ask(t.say.askName(), Expectation.NAME, DialogState.COLLECTING);
            return;
        }
        if (blank(c.phone)) {
            if (c.callerId != null && !c.phoneConfirmed) {
                c.askedCallerId = true;
                t.ask(t.say.confirmCallerId(c.callerId), Expectation.YES_NO, DialogState.COLLECTING);
            } else {
                t.ask(t.say.askPhone(), Expectation.PHONE, DialogState.COLLECTING);
            }
            return;
        }
        if (t.profile().requires(IntakeField.ADDRESS) && blank(c.address)) {
            t.ask(t.say.askAddress(), Expectation.ADDRESS, DialogState.COLLECTING);
            return;
        }
        if (t.profile().requires(IntakeField.PROBLEM) && blank(c.problem)) {
            t.ask(t.say.askProblem(), Expectation.PROBLEM, DialogState.COLLECTING);
            return;
        }
        if (codes.holdsForCallbackCheck(t)) {
            return; // a public web visitor's number is proved by code before the booking is confirmed
        }
        if (c.bookingKey == null) {
            c.bookingKey = c.sessionId + ":" + UUID.randomUUID();
        }
        t.ask(t.say.confirmBooking(t.serviceName(c.serviceId), c.chosen, c.address, c.name, t.today()),
                Expectation.YES_NO, DialogState.AWAITING_CONFIRMATION);
    }

    /** Takes whatever this message said into the conversation; a new wish replaces the old one. */
    private void absorb(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        Expectation asked = c.expecting;
        boolean callerIdQuestion = c.askedCallerId;
        c.askedCallerId = false;
        if (h.name() != null) {
            c.name = h.name();
        }
        if (h.phone() != null) {
            c.phone = h.phone();
            c.phoneConfirmed = true;
        } else if (callerIdQuestion) {
            if (h.is(Intent.AFFIRM)) {
                c.phone = c.callerId;
                c.phoneConfirmed = true;
            } else if (h.is(Intent.DENY)) {
                c.phoneConfirmed = true; // asked; now ask for the right number
            }
        }
        if (!t.profile().requires(IntakeField.ADDRESS)) {
            // Patients come in (a clinic): "I'm coming to you" is not an address to store.
        } else if (h.addressParts() != null && !h.addressParts().isEmpty()) {
            // "7 Picton Street" then "BS6 5QA" is one address; a new street replaces what described the old one
            c.addressParts = c.addressParts == null ? h.addressParts() : c.addressParts.merge(h.addressParts());
            c.address = c.addressParts.formatted();
        } else if (h.address() != null) {
            c.address = h.address();
            c.addressParts = null;
        }
        if (h.email() != null) {
            c.email = h.email();
        }
        if (h.service() != null) {
            c.serviceOptions = new ArrayList<>();
        } else if (h.scope().ambiguous() && c.serviceId == null) {
            c.serviceOptions = new ArrayList<>(h.scope().options().stream().map(ServiceType::id).toList());
        } else if (asked.is(Expectation.Slot.SERVICE) && !c.serviceOptions.isEmpty()) {
            // not one of the two: the open question next, never the same choice again
            c.serviceOptions = new ArrayList<>();
        }
        if (h.service() != null && !h.service().id().equals(c.serviceId)) {
            if (!(c.emergency && t.profile().emergencyService().map(ServiceType::id).orElse("").equals(c.serviceId))) {
                c.serviceId = h.service().id();
                c.chosen = null;
                c.offered = new ArrayList<>();
            }
        }
        if (asked.is(Expectation.Slot.PROBLEM) && !h.text().isBlank()) {
            c.problem = clip(h.original().strip());
        } else if (blank(c.problem) && h.problem() != null) {
            c.problem = clip(h.problem());
        } else if (blank(c.problem) && (h.service() != null || h.emergency()) && h.original().length() > 12) {
            c.problem = clip(h.original().strip());
        }
        if (h.hasTimes()) {
            c.wanted = merge(c.wanted, h.times(), c);
            c.chosen = null;
            c.bookingKey = null;
        }
    }

    /** The caller picks one of the offered starts, by position, by time, or by yes to a single offer. */
    private void pickFromOffer(Turn t) {
        Conversation c = t.conv;
        Heard h = t.heard;
        Integer choice = Choices.consistent(h, c.offered);
        if (choice != null) {
            choose(t, c.offered.get(choice));
            return;
        }
        if (h.is(Intent.AFFIRM) && t.questionUnheard) {
            t.ask(t.say.offerStarts(c.offered.subList(0, Math.min(3, c.offered.size())), t.today(), null),
                    Expectation.SLOT_CHOICE, DialogState.OFFERING);
            return;
        }
        if (h.is(Intent.AFFIRM) && c.offered.size() == 1) {
            choose(t, c.offered.get(0));
            return;
        }
        if (h.is(Intent.DENY) && !h.hasTimes()) {
            c.offered = new ArrayList<>();
            c.wanted = new ArrayList<>();
            t.say("No problem.");
            t.ask(t.say.askWhen(t.serviceName(c.serviceId)), Expectation.DATE_TIME, DialogState.COLLECTING);
            return;
        }
        if (!h.hasTimes() && !h.hasBookingContent()) {
            t.ask(t.say.pickOneOfOffered(), Expectation.SLOT_CHOICE, DialogState.OFFERING);
        }
    }

    private void choose(Turn t, ZonedDateTime start) {
        Conversation c = t.conv;
        c.chosen = start;
        c.offered = new ArrayList<>();
        c.bookingKey = null;
        next(t);
    }

    private void offer(Turn t) {
        Conversation c = t.conv;
        SlotFinder.Offer offer = slots.find(c.serviceId, c.wanted, c.channel, t.today());
        String lead = c.emergency ? t.say.emergencyOffer() : null;
        switch (offer) {
            case SlotFinder.Offer.Exact e -> c.chosen = e.start();
            case SlotFinder.Offer.Starts s -> {
                String why = s.unavailable() != null
                        ? t.say.dayUnavailable(s.unavailable().day(), s.unavailable().why(), t.today())
                        : s.wantedTaken() != null ? t.say.wantedTimeTaken(s.wantedTaken(), t.today())
                        : s.outsideWindow() ? t.say.nothingInWindow() : null;
                // an emergency with no time named gets the single earliest slot: one yes away from help
                List<ZonedDateTime> starts = c.emergency && c.wanted.stream().allMatch(TimePreference::isEmpty)
                        ? s.starts().subList(0, 1) : s.starts();
                c.offered = new ArrayList<>(starts);
                t.ask(t.say.offerStarts(starts, t.today(), join(lead, why)), Expectation.SLOT_CHOICE,
                        DialogState.OFFERING);
            }
            case SlotFinder.Offer.Ranges r -> {
                c.offered = new ArrayList<>(r.starts());
                t.ask(t.say.offerRanges(r.day(), r.ranges(), t.today(), lead), Expectation.SLOT_CHOICE,
                        DialogState.OFFERING);
            }
            case SlotFinder.Offer.Nothing n -> {
                t.say(t.say.nothingAtAll());
                c.state = DialogState.FAILED;
                c.expecting = Expectation.NONE;
            }
        }
    }

    private void book(Turn t) {
        Conversation c = t.conv;
        c.state = DialogState.READY_TO_BOOK;
        BookingResult result;
        try {
            result = t.bookings.book(new BookingRequest(c.bookingKey, c.serviceId, c.chosen,
                    c.phone, c.name, c.address, c.problem, c.emergency, t.actor(), c.email));
        } catch (RuntimeException e) {
            t.metrics.bookings().result(c.channel, BookingOutcome.ERROR);
            t.metrics.errors().record(DependencyKind.DATABASE);
            throw e;
        }
        count(t, result);
        switch (result) {
            case BookingResult.Success s -> {
                t.appointment = s.appointment();
                t.actions.add(new DialogAction.Booked(s.appointment()));
                c.lastAppointment = s.appointment().id();
                c.state = DialogState.BOOKED;
                c.expecting = Expectation.NONE;
                // "I'll text you the details" only when this deployment can text.
                t.say(t.say.booked(t.serviceName(c.serviceId), s.appointment().slot().start(), t.today(),
                        c.channel.isSpoken() && t.notifier.textsCallers()));
            }
            case BookingResult.SlotTaken taken -> {
                c.chosen = null;
                c.bookingKey = null;
                List<ZonedDateTime> alternatives = taken.alternatives().stream().map(TimeSlot::start).toList();
                if (alternatives.isEmpty()) {
                    t.say(t.say.slotJustTaken());
                    t.ask(t.say.askWhen(t.serviceName(c.serviceId)), Expectation.DATE_TIME, DialogState.COLLECTING);
                } else {
                    c.offered = new ArrayList<>(alternatives);
                    t.ask(t.say.offerStarts(alternatives, t.today(), t.say.slotJustTaken()), Expectation.SLOT_CHOICE,
                            DialogState.OFFERING);
                }
            }
            case BookingResult.Rejected r -> rejected(t, r);
        }
    }

    /** A replayed success (a repeated yes) is the same booking, not another one. */
    private static void count(Turn t, BookingResult result) {
        Conversation c = t.conv;
        switch (result) {
            case BookingResult.Success s when !s.replayed() -> {
                t.metrics.bookings().result(c.channel, BookingOutcome.BOOKED);
                if (c.startedAt != null) {
                    t.metrics.bookings().booked(c.channel, Duration.between(c.startedAt, t.scheduling.clock().instant()));
                }
            }
            case BookingResult.Success s -> {
            }
            case BookingResult.SlotTaken taken -> t.metrics.bookings().result(c.channel, BookingOutcome.SLOT_TAKEN);
            case BookingResult.Rejected r -> t.metrics.bookings().result(c.channel, BookingOutcome.RULE_REFUSED);
        }
    }

    private void rejected(Turn t, BookingResult.Rejected r) {
        Conversation c = t.conv;
        c.bookingKey = null;
        switch (r.error()) {
            case INVALID_PHONE -> {
                c.phone = null;
                t.ask(t.say.askPhone(), Expectation.PHONE, DialogState.COLLECTING);
            }
            case IN_THE_PAST, TOO_SOON, BEYOND_HORIZON, BLACKOUT, OUTSIDE_HOURS, DAY_FULL -> {
                c.chosen = null;
                c.wanted = new ArrayList<>();
                t.say(t.say.cannotBook(r.message()));
                t.ask(t.say.askWhen(t.serviceName(c.serviceId)), Expectation.DATE_TIME, DialogState.COLLECTING);
            }
            default -> {
                t.say(t.say.cannotBook(r.message()));
                c.state = DialogState.FAILED;
                c.expecting = Expectation.NONE;
            }
        }
    }

    /**
     * The latest wish wins. A new day keeps an earlier time of day ("tuesday at 3" then "make it wednesday");
     * a bare time keeps the earlier day ("tuesday" then "at 3"); several alternatives replace everything.
     */
    static List<TimePreference> merge(List<TimePreference> old, List<TimePreference> heard, Conversation c) {
        List<TimePreference> fresh = heard.stream().filter(p -> !p.isEmpty()).toList();
        if (fresh.size() == 1 && fresh.get(0).date() == null && fresh.get(0).time() != null && !c.offered.isEmpty()) {
            // "the two thirty one" after offers for one day means that day
            fresh = List.of(fresh.get(0).withDate(c.offered.get(0).toLocalDate()));
        }
        if (fresh.size() != 1 || old.size() != 1) {
            return new ArrayList<>(fresh);
        }
        TimePreference o = old.get(0);
        TimePreference n = fresh.get(0);
        if (n.asap()) {
            return new ArrayList<>(fresh);
        }
        LocalDate date = n.date() != null ? n.date() : o.date();
        boolean newTimeOfDay = n.time() != null || n.partOfDay() != null || n.notBefore() != null || n.notAfter() != null;
        TimePreference merged = newTimeOfDay
                ? new TimePreference(date, n.time(), n.partOfDay(), n.notBefore(), n.notAfter(), false, n.approximate())
                : new TimePreference(date, o.time(), o.partOfDay(), o.notBefore(), o.notAfter(), false, o.approximate());
        return new ArrayList<>(List.of(merged));
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    private static String clip(String s) {
        return s.length() <= MAX_PROBLEM ? s : s.substring(0, MAX_PROBLEM);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

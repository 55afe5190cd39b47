package io.switchboard.dialog.corpus;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.phrasing.Phrasing;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.testing.RecordingNotifier;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plays one persona against a fresh Receptionist over the shared database (emptied before each dialog), watches for
 * loops, and has the {@link Judge} rule on what was stored.
 */
final class DialogRunner {

    /** A dialog longer than this many caller messages is stuck. */
    static final int MAX_TURNS = 25;
    /** Turns with no change of state or collected slots before the dialog counts as making no progress. */
    static final int NO_PROGRESS_TURNS = 6;
    /** A question asked more often than this is a loop. */
    static final int MAX_SAME_QUESTION = 3;
    private static final Set<Reading.Ask> COUNTED = EnumSet.of(Reading.Ask.NAME, Reading.Ask.ADDRESS,
            Reading.Ask.PHONE, Reading.Ask.PHONE_CHECK, Reading.Ask.POSTCODE, Reading.Ask.EMAIL, Reading.Ask.DAY_TIME,
            Reading.Ask.SERVICE, Reading.Ask.NOT_UNDERSTOOD, Reading.Ask.WHICH_APPOINTMENT, Reading.Ask.WHAT_TO_CHANGE);
    private static final String OTHER_CUSTOMER = "+447700900998";
    private static final Actor SETUP = new Actor(Channel.WEB, "corpus-setup");

    private final SchedulingFixture plumber;
    private final SchedulingFixture dentist;
    private final long seed;

    DialogRunner(SchedulingFixture fx, long seed) {
        this(fx, null, seed);
    }

    /** @param dentist the practice {@link Category#DENTIST} callers ring, over its own database */
    DialogRunner(SchedulingFixture fx, SchedulingFixture dentist, long seed) {
        this.plumber = fx;
        this.dentist = dentist;
        this.seed = seed;
    }

    DialogRecord play(Persona p) {
        SchedulingFixture fx = p.category().dentist() ? dentist : plumber;
        if (fx == null) {
            throw new IllegalStateException("no fixture for " + p.category());
        }
        Judge judge = new Judge(fx.scheduling().profile().timezone());
        List<ServiceType> services = fx.scheduling().profile().services();
        fx.database().dsl().execute("TRUNCATE appointment, day_booking_count, customer, audit_log, calendar_outbox");
        fx.clock().set(fx.at(p.now()));
        Map<UUID, Appointment> before = new LinkedHashMap<>();
        for (Persona.Existing e : p.existing()) {
            Appointment a = preBook(fx, p, e);
            before.put(a.id(), a);
        }
        Receptionist engine = Receptionist.create(fx.scheduling(), new InMemorySessionStore(fx.clock()),
                DisabledLlmFallback.INSTANCE, new RecordingNotifier(false));
        SimulatedCaller caller = new SimulatedCaller(p, seed * 7919 + p.id(), services);
        String session = p.voice() ? "CA-corpus-" + p.id() : p.callerId();
        List<String> transcript = new ArrayList<>();
        transcript.add("# " + p.id() + " " + p.category().label + " / " + p.variant() + " / " + p.channel().wireName()
                + " / now " + p.now() + " / wants " + p.wish().said()
                + (p.fallback() == null ? "" : " (else " + p.fallback().said() + ")"));
        String greeting = null;
        if (p.voice()) {
            greeting = engine.begin(Channel.VOICE, session, p.callerId()).reply();
            transcript.add("   <- " + greeting);
        }

        String loop = null;
        String stuck = null;
        int turns = 0;
        int bookingTurn = -1;
        String previousReply = null;
        Map<Reading.Ask, Integer> asked = new EnumMap<>(Reading.Ask.class);
        Map<String, Integer> sameQuestion = new HashMap<>();
        Object lastProgress = null;
        int stillFor = 0;
        DialogState finalState = null;
        Reading.Ask lastAsk = null;
        String message = caller.first();
        String lastMove = caller.lastMove();
        Boolean questionAnswered = null;
        Boolean safetyFirst = null;
        while (true) {
            turns++;
            transcript.add(p.channel().wireName() + " -> " + message);
            TurnResult r = engine.handle(TurnRequest.text(p.channel(), session, p.callerId(), message));
            transcript.add("   <- [" + r.state().wireName() + "] " + r.reply());
            finalState = r.state();
            if (turns == 1 && p.category() == Category.QUESTION_AND_BOOKING) {
                questionAnswered = answers(p.variant(), r.reply());
            }
            if (turns == 1 && p.category() == Category.SAFETY) {
                safetyFirst = r.reply().startsWith(advice(fx, p));
            }
            if (bookingTurn < 0 && (r.has(DialogAction.Booked.class) || r.has(DialogAction.Rescheduled.class)
                    || r.has(DialogAction.Cancelled.class))) {
                bookingTurn = turns;
            }
            Reading reading = caller.read(r.reply());
            lastAsk = reading.ask();
            if (r.reply().equals(previousReply)) {
                loop = "same reply twice in a row";
                break;
            }
            previousReply = r.reply();
            if (COUNTED.contains(reading.ask()) && asked.merge(reading.ask(), 1, Integer::sum) > MAX_SAME_QUESTION) {
                loop = reading.ask() + " asked more than " + MAX_SAME_QUESTION + " times";
                break;
            }
            String q = r.reply().replaceAll("\\d", "#");
            if (sameQuestion.merge(q, 1, Integer::sum) > MAX_SAME_QUESTION) {
                loop = "same question more than " + MAX_SAME_QUESTION + " times";
                break;
            }
            Object progress = java.util.Arrays.asList(r.state(), r.slots());
            stillFor = progress.equals(lastProgress) ? stillFor + 1 : 0;
            lastProgress = progress;
            if (stillFor >= NO_PROGRESS_TURNS) {
                loop = "no progress for " + NO_PROGRESS_TURNS + " turns";
                break;
            }
            if (r.state().isTerminal()) {
                break;
            }
            if (turns >= MAX_TURNS) {
                stuck = "turn limit";
                break;
            }
            message = caller.next(r.reply());
            lastMove = caller.lastMove();
            if (message == null) {
                stuck = "caller gave up: " + caller.gaveUp();
                transcript.add("   (caller gives up: " + caller.gaveUp() + ")");
                break;
            }
        }
        engine.end(p.channel(), session);

        List<Appointment> after = stored(fx);
        Judge.Verdict v = judge.judge(p, caller, before, after);
        Outcome outcome;
        String reason;
        String shape;
        if (!v.wrong().isEmpty()) {
            outcome = Outcome.WRONG_BOOKING;
            reason = String.join(", ", v.wrong());
            shape = "wrong: " + String.join(", ", v.wrong().stream().map(w -> w.split(" ")[0]).distinct().toList())
                    + " [" + medium(p) + "]";
        } else if (loop != null) {
            outcome = Outcome.LOOP;
            reason = loop;
            shape = "loop: " + loop + " — bot asked " + lastAsk + ", after caller " + lastMove + " [" + medium(p) + "]";
        } else if (greeting != null && fx.scheduling().profile().greeting().hasVoice()
                && !greeting.equals(fx.scheduling().profile().greeting().spoken(
                        fx.scheduling().profile().greeting().voice()))) {
            // a business with its own greeting must be heard saying it, with its disclosure after the first sentence
            outcome = Outcome.STUCK;
            reason = "not the business's own greeting";
            shape = "stuck: not the business's own greeting [voice]";
        } else if (v.right() || (p.goal() == Persona.Goal.HAND_OFF && finalState == DialogState.HANDED_OFF)) {
            outcome = Outcome.BOOKED_RIGHT;
            reason = "";
            shape = "";
        } else if (finalState == DialogState.HANDED_OFF) {
            outcome = Outcome.HANDED_OFF;
            reason = "handed off";
            shape = "handed off — bot asked " + lastAsk + " [" + medium(p) + "]";
        } else {
            outcome = Outcome.STUCK;
            reason = stuck != null ? stuck : "ended " + (finalState == null ? "?" : finalState.wireName())
                    + " without the booking";
            shape = "stuck: " + (stuck != null ? stuck : "ended " + finalState.wireName() + " without the booking")
                    + " — bot asked " + lastAsk + " [" + medium(p) + "]";
        }
        transcript.add("=> " + outcome + (reason.isEmpty() ? "" : ": " + reason) + " | truth: "
                + truth(p, caller));
        return new DialogRecord(p, outcome, reason, shape, turns, outcome == Outcome.BOOKED_RIGHT ? bookingTurn : -1,
                questionAnswered, safetyFirst, transcript);
    }

    /** Whether the first reply answers the question the caller asked along with booking (as a person would judge). */
    private static boolean answers(String variant, String reply) {
        String low = reply.toLowerCase(java.util.Locale.ROOT);
        return switch (variant) {
            case "area" -> low.contains("cover") || low.contains("miles") || low.contains("area");
            case "hours" -> low.contains("open") || low.contains("till") || low.contains("close");
            case "payment" -> low.contains("card") || low.contains("cash") || low.contains("transfer");
            default -> low.contains("£") || low.contains("pound");
        };
    }

    /** The advice of the rule the caller's danger belongs to, as the channel says it. */
    private static String advice(SchedulingFixture fx, Persona p) {
        String rule = p.variant().substring(0, p.variant().indexOf(':'));
        return fx.scheduling().profile().safety().stream().filter(s -> s.id().equals(rule)).findFirst()
                .map(s -> Phrasing.forChannel(p.channel()).safetyAdvice(s.advice()))
                .orElseThrow(() -> new IllegalStateException("the profile has no safety rule " + rule));
    }

    private static String medium(Persona p) {
        return p.voice() ? "voice" : "text";
    }

    private static String truth(Persona p, SimulatedCaller c) {
        return p.goal() + " " + p.problem().serviceId() + " " + (c.chosen() != null ? c.chosen() : c.wish().windows())
                + " " + c.name().said(p.voice()) + " " + p.phone() + " " + c.address().full();
    }

    private static Appointment preBook(SchedulingFixture fx, Persona p, Persona.Existing e) {
        String name = e.mine() ? p.name().typed() : "Other Customer";
        String address = e.mine() ? p.address().full() : "1 Elsewhere Road, Bristol BS1 1AA";
        BookingResult r = fx.scheduling().bookings().book(new BookingRequest(null, e.serviceId(), fx.at(e.start()),
                e.mine() ? p.callerId() : OTHER_CUSTOMER, name, address, "booked earlier", false, SETUP));
        if (r instanceof BookingResult.Success s) {
            return s.appointment();
        }
        throw new IllegalStateException("could not set up " + e + " for dialog " + p.id() + ": " + r);
    }

    private static List<Appointment> stored(SchedulingFixture fx) {
        Instant from = fx.clock().instant().minusSeconds(86_400L * 30);
        Instant to = fx.clock().instant().plusSeconds(86_400L * 400);
        return fx.scheduling().appointments().startingBetween(from, to);
    }
}

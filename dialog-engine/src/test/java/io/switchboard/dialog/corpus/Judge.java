package io.switchboard.dialog.corpus;

import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares what the database holds after a dialog with the caller's one intended outcome. Nothing else counts:
 * not the reply text, not the engine's state.
 */
final class Judge {

    /** A verdict on the stored data; null fields mean "nothing stored that matters". */
    record Verdict(boolean right, List<String> wrong) {
    }

    private final ZoneId zone;

    Judge(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param before  the appointments put on the calendar before the dialog, by id, with their original state
     * @param after   every appointment now stored
     */
    Verdict judge(Persona p, SimulatedCaller caller, Map<UUID, Appointment> before, List<Appointment> after) {
        List<String> wrong = new ArrayList<>();
        List<Appointment> created = after.stream().filter(a -> !before.containsKey(a.id())).toList();
        switch (p.goal()) {
            case BOOK -> {
                List<Appointment> mine = created.stream().filter(a -> a.status() == AppointmentStatus.BOOKED).toList();
                changedExisting(before, after, null, wrong);
                if (mine.size() > 1) {
                    wrong.add("booked " + mine.size() + " times");
                }
                if (mine.isEmpty()) {
                    return new Verdict(false, wrong);
                }
                Appointment a = mine.get(0);
                if (!a.serviceId().equals(p.problem().serviceId())) {
                    wrong.add("service " + a.serviceId());
                }
                var start = a.slot().start().withZoneSameInstant(zone).toLocalDateTime();
                boolean timeOk = caller.chosen() != null ? start.equals(caller.chosen()) : caller.wish().contains(start);
                if (!timeOk) {
                    wrong.add("start " + start);
                }
                if (!caller.name().matches(a.customer().name(), p.voice())) {
                    wrong.add("name '" + a.customer().name() + "'");
                }
                if (!a.customer().phone().equals(p.phone())) {
                    wrong.add("phone");
                }
                if (p.comesIn() ? !(a.address() == null || a.address().isBlank())
                        : !AddressMatch.matches(a.address(), caller.address())) {
                    wrong.add("address '" + a.address() + "'");
                }
                return new Verdict(wrong.isEmpty(), wrong);
            }
            case RESCHEDULE -> {
                Appointment target = findExisting(p, before, after);
                if (!created.isEmpty()) {
                    wrong.add("new booking instead of a move");
                }
                changedExisting(before, after, target == null ? null : target.id(), wrong);
                if (target == null) {
                    return new Verdict(false, wrong);
                }
                Appointment was = before.get(target.id());
                if (target.status() != AppointmentStatus.BOOKED) {
                    wrong.add("cancelled instead of moved");
                    return new Verdict(false, wrong);
                }
                if (target.slot().start().equals(was.slot().start())) {
                    return new Verdict(false, wrong);
                }
                var start = target.slot().start().withZoneSameInstant(zone).toLocalDateTime();
                boolean timeOk = caller.chosen() != null ? start.equals(caller.chosen()) : caller.wish().contains(start);
                if (!timeOk) {
                    wrong.add("moved to " + start);
                }
                return new Verdict(wrong.isEmpty(), wrong);
            }
            case DECLINE -> {
                created.forEach(a -> wrong.add("booked out of scope"));
                changedExisting(before, after, null, wrong);
                return new Verdict(wrong.isEmpty() && caller.declined(), wrong);
            }
            case ANSWER -> {
                created.forEach(a -> wrong.add("booked while asking"));
                changedExisting(before, after, null, wrong);
                return new Verdict(wrong.isEmpty() && caller.answerHeard(), wrong);
            }
            case HAND_OFF -> {
                created.forEach(a -> wrong.add("booked while handing off"));
                changedExisting(before, after, null, wrong);
                return new Verdict(false, wrong);
            }
            default -> {
                Appointment target = findExisting(p, before, after);
                if (!created.isEmpty()) {
                    wrong.add("booked while cancelling");
                }
                changedExisting(before, after, target == null ? null : target.id(), wrong);
                if (target == null) {
                    return new Verdict(false, wrong);
                }
                if (!target.slot().start().equals(before.get(target.id()).slot().start())) {
                    wrong.add("moved instead of cancelled");
                }
                boolean cancelled = target.status() == AppointmentStatus.CANCELLED;
                return new Verdict(cancelled && wrong.isEmpty(), wrong);
            }
        }
    }

    private Appointment findExisting(Persona p, Map<UUID, Appointment> before, List<Appointment> after) {
        var meant = p.existing().get(p.target()).start();
        for (Appointment a : after) {
            Appointment was = before.get(a.id());
            if (was != null && was.slot().start().withZoneSameInstant(zone).toLocalDateTime().equals(meant)) {
                return a;
            }
        }
        return null;
    }

    /** Any pre-existing appointment other than {@code allowed} that was moved or cancelled is a wrong change. */
    private static void changedExisting(Map<UUID, Appointment> before, List<Appointment> after, UUID allowed,
                                        List<String> wrong) {
        for (Appointment a : after) {
            Appointment was = before.get(a.id());
            if (was != null && !a.id().equals(allowed)
                    && (a.status() != was.status() || !a.slot().start().equals(was.slot().start()))) {
                wrong.add("changed another booking");
            }
        }
    }
}

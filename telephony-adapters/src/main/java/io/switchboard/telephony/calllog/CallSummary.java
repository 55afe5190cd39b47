package io.switchboard.telephony.calllog;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;
import io.switchboard.models.TimeSlot;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner's one-line account of a call, e.g. {@code "Booked: drain cleaning Tue 14:00, Sarah Donnelly, 14 Gloucester
 * Rd"}: read on a phone between jobs, so it is short; the weekday alone within the coming week, with the date beyond.
 * Questions answered and abandoned calls get none (they are in the call log).
 */
public final class CallSummary {

    /** Long enough for the essentials, short enough for one SMS segment most of the time. */
    static final int MAX_LENGTH = 160;
    private static final int MAX_PART = 48;
    private static final DateTimeFormatter NEAR = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);
    private static final DateTimeFormatter FAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final BusinessProfile profile;

    public CallSummary(BusinessProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * @param decisive    the turn that gave the call its outcome (carries the appointment or the slots), or null
     * @param callerPhone the caller's number, or null when withheld
     * @param endedAt     when the call ended: dates within a week of it are given by weekday only
     */
    public Optional<String> of(CallOutcome outcome, TurnResult decisive, String callerPhone, Instant endedAt) {
        if (decisive == null) {
            return Optional.empty();
        }
        Appointment appointment = appointmentOf(decisive);
        SlotSnapshot slots = decisive.slots();
        String text = switch (outcome) {
            case BOOKED -> appointment == null ? null : join("Booked: " + service(appointment) + " "
                    + when(appointment.slot(), endedAt), name(appointment, slots), address(appointment, slots));
            case MOVED -> appointment == null ? null : join("Moved: " + service(appointment) + " to "
                    + when(appointment.slot(), endedAt) + previous(decisive, endedAt), name(appointment, slots));
            case CANCELLED -> appointment == null ? null : join("Cancelled: " + service(appointment) + " "
                    + when(appointment.slot(), endedAt), name(appointment, slots));
            case HAND_OFF -> join("Wants a person: " + orUnknown(callerPhone), name(appointment, slots),
                    slots == null ? null : slots.problem());
            case MESSAGE_LEFT -> join("Message: " + (slots == null || blank(slots.problem()) ? "urgent call"
                    : slots.problem()), name(appointment, slots), orUnknown(phoneOf(slots, callerPhone)),
                    address(appointment, slots));
            case QUESTION, ABANDONED -> null;
        };
        return Optional.ofNullable(text).map(CallSummary::fit);
    }

    /** The appointment a turn booked, moved or cancelled, or null. */
    static Appointment appointmentOf(TurnResult result) {
        if (result.appointment() != null) {
            return result.appointment();
        }
        for (DialogAction action : result.actions()) {
            switch (action) {
                case DialogAction.Booked b -> { return b.appointment(); }
                case DialogAction.Rescheduled r -> { return r.appointment(); }
                case DialogAction.Cancelled c -> { return c.appointment(); }
                default -> { }
            }
        }
        return null;
    }

    private String previous(TurnResult result, Instant endedAt) {
        for (DialogAction action : result.actions()) {
            if (action instanceof DialogAction.Rescheduled r && r.previous() != null) {
                return " (was " + when(r.previous(), endedAt) + ")";
            }
        }
        return "";
    }

    private String service(Appointment a) {
        return profile.service(a.serviceId()).map(ServiceType::name).orElse(a.serviceId()).toLowerCase(Locale.UK);
    }

    private String when(TimeSlot slot, Instant endedAt) {
        ZonedDateTime start = slot.start().withZoneSameInstant(profile.timezone());
        boolean withinAWeek = start.toInstant().isBefore(endedAt.plus(java.time.Duration.ofDays(6)));
        return start.format(withinAWeek ? NEAR : FAR);
    }

    private static String name(Appointment a, SlotSnapshot slots) {
        if (a != null && !blank(a.customer().name())) {
            return a.customer().name();
        }
        return slots == null ? null : slots.name();
    }

    private static String address(Appointment a, SlotSnapshot slots) {
        if (a != null && !blank(a.address())) {
            return a.address();
        }
        return slots == null ? null : slots.address();
    }

    private static String phoneOf(SlotSnapshot slots, String callerPhone) {
        return slots != null && !blank(slots.phone()) ? slots.phone() : callerPhone;
    }

    private static String orUnknown(String phone) {
        return blank(phone) ? "number withheld" : phone;
    }

    /** The head, then the parts that are known, each shortened and on one line. */
    private static String join(String head, String... parts) {
        List<String> out = new ArrayList<>();
        out.add(oneLine(head));
        for (String part : parts) {
            if (!blank(part)) {
                String p = oneLine(part);
                out.add(p.length() > MAX_PART ? p.substring(0, MAX_PART - 1) + "…" : p);
            }
        }
        return String.join(", ", out);
    }

    private static String fit(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

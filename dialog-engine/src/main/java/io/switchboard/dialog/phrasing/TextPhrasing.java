package io.switchboard.dialog.phrasing;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.TimeSlot;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Concise texts for SMS and WhatsApp (kept under 320 characters), which may list two or three options. */
final class TextPhrasing extends RelativePhrasing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    @Override
    String timeJoiner() {
        return " ";
    }

    @Override
    String laterDay(LocalDate d, LocalDate today) {
        return DAY.format(d);
    }

    @Override
    public String time(LocalTime t) {
        return TIME.format(t);
    }

    @Override
    public String greeting(String business) {
        return "Hi, this is " + business + ". How can we help?";
    }

    @Override
    public String greeting(BusinessProfile profile) {
        return profile.greeting().hasText() ? profile.greeting().text() : greeting(profile.name());
    }

    @Override
    public String ownerGreeting(String ownerName) {
        return "Hi " + (ownerName == null || ownerName.isBlank() ? "there" : ownerName) + ", please reply with your PIN.";
    }

    @Override
    public String askService() {
        return "What do you need help with?";
    }

    @Override
    public String askWhen(String serviceName) {
        return "What day and time suit you for the " + serviceName + "?";
    }

    @Override
    public String askName() {
        return "What's your name?";
    }

    @Override
    public String askPhone() {
        return "What's the best number to reach you on?";
    }

    @Override
    public String confirmCallerId(String e164) {
        return "Is " + e164 + " the best number to reach you on? (yes/no)";
    }

    @Override
    public String askAddress() {
        return "What's the address for the job?";
    }

    @Override
    public String askProblem() {
        return "Briefly, what's the problem?";
    }

    @Override
    public String offerStarts(List<ZonedDateTime> starts, LocalDate today, String lead) {
        StringBuilder b = new StringBuilder(prefix(lead));
        if (starts.size() == 1) {
            return b.append("I can do ").append(when(starts.get(0), today)).append(". Does that work?").toString();
        }
        b.append("I can do:");
        for (int i = 0; i < starts.size(); i++) {
            b.append(' ').append(i + 1).append(") ").append(when(starts.get(i), today));
        }
        return b.append(". Which suits you?").toString();
    }

    @Override
    public String offerRanges(LocalDate day, List<TimeSlot> ranges, LocalDate today, String lead) {
        List<String> parts = new ArrayList<>();
        for (TimeSlot r : ranges) {
            parts.add(time(r.start().toLocalTime()) + "-" + time(r.end().toLocalTime()));
        }
        return prefix(lead) + "Free " + day(day, today) + ": " + String.join(", ", parts) + ". What time suits you?";
    }

    @Override
    public String wantedTimeTaken(ZonedDateTime wanted, LocalDate today) {
        return "Sorry, " + when(wanted, today) + " is taken.";
    }

    @Override
    public String nothingInWindow() {
        return "Sorry, nothing's free then.";
    }

    @Override
    public String nothingAtAll() {
        return "Sorry, we have nothing free in the coming weeks. We'll call you back.";
    }

    @Override
    public String confirmBooking(String serviceName, ZonedDateTime start, String address, LocalDate today) {
        return "To confirm: " + serviceName + ", " + when(start, today)
                + (address == null || address.isBlank() ? "" : ", " + clip(address, 80)) + ". Book it? (yes/no)";
    }

    @Override
    public String booked(String serviceName, ZonedDateTime start, LocalDate today, boolean spokenFollowUp) {
        return "Booked: " + serviceName + ", " + when(start, today) + ". Reply to change or cancel.";
    }

    @Override
    public String slotJustTaken() {
        return "Sorry, that time was just taken.";
    }

    @Override
    public String cannotBook(String reason) {
        return "Sorry, I can't book that: " + reason + ".";
    }

    @Override
    public String pickOneOfOffered() {
        return "Which option would you like? Reply with the number or a time.";
    }

    @Override
    public String notUnderstood() {
        return "Sorry, I didn't understand that.";
    }

    @Override
    public String handedOff(String ownerName, AlertReceipt receipt, boolean messageLeft) {
        String who = ownerName == null || ownerName.isBlank() ? "the team" : ownerName;
        if (receipt.ownerWillBeTold()) {
            return "Sure - I've let " + who + " know, and they'll call you back as soon as possible.";
        }
        if (receipt.messageKept()) {
            return "Sure - I've left a message for " + who + " to call you back.";
        }
        return "Sorry, I can't pass messages on from here right now. Please call us during opening hours.";
    }

    @Override
    public String transferring(String ownerName) {
        return "Putting you through to " + (ownerName == null || ownerName.isBlank() ? "the team" : ownerName)
                + " now.";
    }

    @Override
    public String askForMessage(String ownerName) {
        return (ownerName == null || ownerName.isBlank() ? "The team" : ownerName)
                + " isn't available right now. What message shall I pass on?";
    }

    @Override
    public String askCallbackNumber(String ownerName) {
        return "Sure - what number should " + (ownerName == null || ownerName.isBlank() ? "we" : ownerName)
                + " call you back on?";
    }

    @Override
    public String safetyAdvice(String ownerText) {
        return ownerText;
    }

    @Override
    public String goodbye() {
        return "Thanks, bye!";
    }

    @Override
    public String emergencyAck(AlertReceipt receipt) {
        return receipt.ownerWillBeTold() ? "That sounds urgent - we've alerted the team now."
                : "That sounds urgent - we'll treat it as an emergency.";
    }

    @Override
    public String emergencyOffer() {
        return "Let's get someone out to you.";
    }

    @Override
    public String noAppointmentFound() {
        return "I can't find a booking for this number. Which number was it booked under?";
    }

    @Override
    public String whichAppointment(List<Appointment> options, LocalDate today, Function<String, String> serviceName) {
        StringBuilder b = new StringBuilder("Which booking?");
        for (int i = 0; i < options.size() && i < 3; i++) {
            Appointment a = options.get(i);
            b.append(' ').append(i + 1).append(") ").append(serviceName.apply(a.serviceId())).append(' ')
                    .append(when(a.slot().start(), today));
        }
        return b.toString();
    }

    @Override
    public String confirmCancel(String serviceName, ZonedDateTime start, LocalDate today) {
        return "Cancel your " + serviceName + " on " + when(start, today) + "? (yes/no)";
    }

    @Override
    public String cancelled(String serviceName, ZonedDateTime start, LocalDate today) {
        return "Cancelled: " + serviceName + ", " + when(start, today) + ".";
    }

    @Override
    public String keptAsIs() {
        return "OK, I've left it as it is.";
    }

    @Override
    public String bookingDropped() {
        return "No problem, nothing's booked. Anything else?";
    }

    @Override
    public String askNewTime(String serviceName, ZonedDateTime current, LocalDate today) {
        return "Your " + serviceName + " is " + when(current, today) + ". When would you like it instead?";
    }

    @Override
    public String confirmMove(String serviceName, ZonedDateTime from, ZonedDateTime to, LocalDate today) {
        return "Move your " + serviceName + " from " + when(from, today) + " to " + when(to, today) + "? (yes/no)";
    }

    @Override
    public String moved(String serviceName, ZonedDateTime to, LocalDate today) {
        return "Done - your " + serviceName + " is now " + when(to, today) + ".";
    }

    @Override
    public String pinWrong(int attemptsLeft) {
        return "That PIN isn't right. Please try again.";
    }

    @Override
    public String pinLocked() {
        return "That PIN isn't right. I can't share the schedule here.";
    }

    @Override
    public String ownerReady(String ownerName) {
        return "Thanks" + (ownerName == null || ownerName.isBlank() ? "" : " " + ownerName) + ". What would you like to know?";
    }

    @Override
    public String ownerAccessPaused() {
        return "Owner access is paused for a while after too many wrong PINs. Please try again later.";
    }

    @Override
    public String changeOnlyFromBookingPhone() {
        return "For your security I can only change or cancel a booking from the phone it was booked with. Please text or call us from that phone.";
    }

    @Override
    public String ownerOnly() {
        return "Sorry, only the owner can see the schedule.";
    }

    @Override
    public String briefing(String label, List<String> lines, int total) {
        if (total == 0) {
            return VoicePhrasing.capitalise(label) + ": nothing booked.";
        }
        StringBuilder b = new StringBuilder(VoicePhrasing.capitalise(label)).append(": ").append(total)
                .append(total == 1 ? " job" : " jobs");
        for (String line : lines) {
            String next = "\n" + line;
            if (b.length() + next.length() > 300) {
                break;
            }
            b.append(next);
        }
        return b.toString();
    }

    @Override
    public String briefingLine(Appointment a, String serviceName, LocalDate today) {
        return time(a.slot().start().toLocalTime()) + " " + serviceName
                + (a.customer().name().isBlank() ? "" : ", " + clip(a.customer().name(), 30))
                + (a.address().isBlank() ? "" : ", " + clip(a.address(), 40))
                + (a.emergency() ? " (EMERGENCY)" : "");
    }

    @Override
    public String relay(String ownerText) {
        return ownerText;
    }

    @Override
    public String dontKnow() {
        return "I'm not sure about that - I can ask the team to get back to you.";
    }

    @Override
    public String whatElse() {
        return "Anything else?";
    }

    @Override
    public String anythingElse() {
        return "Anything else I can help with?";
    }


    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public String askAgain(Expectation slot, int failures, List<String> serviceNames) {
        boolean example = failures <= 1;
        return switch (slot.slot()) {
            case NAME -> example ? "Could you tell me your name? For example: Sarah Jones."
                    : "Please reply with just your first name and surname.";
            case PHONE -> example ? "Which number should we call you on? For example: 07700 900123."
                    : "Please reply with just the number, digits only, like 07700900123.";
            case ADDRESS -> example ? "What's the address? House number, street and postcode, e.g. 12 Park Street,"
                    + " BS1 5HX." : "Please reply with the postcode first (e.g. BS1 5HX), then the house number and"
                    + " street.";
            case PROBLEM -> "In a few words, what's wrong? E.g. the kitchen tap is dripping.";
            case SERVICE -> example ? "What's the job? E.g. a leaking tap, a blocked drain or no hot water."
                    : "We do: " + String.join(", ", serviceNames) + ". Which is closest?";
            case DATE_TIME -> example ? "Which day and time suit you? For example: Thursday at 2pm."
                    : "Please reply with a day and a time, e.g. 'Fri 10am' or 'tomorrow afternoon'.";
            case SLOT_CHOICE -> example ? "Which would you like? Reply 1, 2 or 3, or suggest another time."
                    : "Please reply with just the number of the time you'd like.";
            case YES_NO -> example ? "Was that a yes or a no?" : "Please reply YES or NO.";
            case PIN -> example ? "Please reply with the digits of your PIN." : "Reply with just the PIN digits.";
            case CHANGE -> example ? "What should I change? Reply with the new day or time, address or name."
                    : "Reply TIME, ADDRESS or NAME, or FINE to keep it as it is.";
            case NONE -> example ? "I can book a visit, move or cancel one, or answer questions about prices and"
                    + " hours. What would you like to do?"
                    : "For example: 'book a drain cleaning Friday', or 'call me back'.";
        };
    }

    @Override
    public String takeMessage(String ownerName, AlertReceipt receipt) {
        String who = ownerName == null || ownerName.isBlank() ? "the team" : ownerName;
        if (!receipt.messageKept()) {
            return "Sorry, I'm not getting this right. Please call us during opening hours to speak to " + who + ".";
        }
        return "Sorry, I'm not getting this right. I've passed your details to " + who
                + ", who will call you back shortly.";
    }

    @Override
    public String takenAsGiven(Expectation slot, String value) {
        return switch (slot.slot()) {
            case NAME -> "I'll put the name down as " + clip(value, 60) + ".";
            case ADDRESS -> "I'll note the address as " + clip(value, 80) + ".";
            default -> "I'll note: " + clip(value, 80) + ".";
        };
    }

    @Override
    public String skipped(Expectation slot) {
        return "No problem, the engineer will ask about that on the day.";
    }

    @Override
    public String sayingAgain() {
        return "To repeat:";
    }

    @Override
    public String askWhatToChange() {
        return "No problem. What would you like to change: the day/time, the address, or something else?";
    }

    @Override
    public String changedTo(Expectation slot, String value) {
        return switch (slot.slot()) {
            case ADDRESS -> "OK, I've changed the address to " + clip(value, 80) + ".";
            case PHONE -> "OK, we'll call you on " + value + " instead.";
            case NAME -> "OK, I've changed the name to " + clip(value, 60) + ".";
            default -> "OK, " + value + " instead.";
        };
    }

    @Override
    public String nothingEarlier() {
        return "Sorry, that's the earliest we have.";
    }
}

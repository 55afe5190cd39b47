package io.switchboard.dialog.phrasing;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Greeting;
import io.switchboard.models.TimeSlot;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Short spoken sentences, one question at a time, numbers as words and no symbols. */
public final class VoicePhrasing extends RelativePhrasing {

    /** Said before a question built from the caller's own details: fixed, so its audio is ready when the turn ends. */
    static final String THANKS = "Thanks.";

    /** Asked again after a choice among spans of free time (more starts than are read out one by one). */
    static final String SPAN_AGAIN = "What time would you like in those? For example, ten o'clock or half past two."
            + " Or say another day.";
    static final String SPAN_AGAIN_PLAINLY = "Please say just the time you'd like, like eleven o'clock, or say another"
            + " day.";

    VoicePhrasing() {
    }

    /**
     * Every sentence this phrasing speaks that does not depend on the conversation (questions, re-prompts with
     * their examples, apologies, goodbyes), for a voice server to synthesise once at start-up. Built by calling the
     * methods that speak them, so a change of wording changes the cached audio with it.
     */
    public static List<String> fixedSentences(String businessName) {
        return fixedSentencesAfter(new VoicePhrasing().greeting(businessName));
    }

    private static List<String> fixedSentencesAfter(String greeting) {
        VoicePhrasing v = new VoicePhrasing();
        List<String> out = new ArrayList<>(List.of(greeting, v.ownerGreeting(null), v.askService(),
                v.askWhen(""), v.askName(), v.askPhone(), v.askAddress(), v.askProblem(), v.nothingInWindow(),
                v.nothingAtAll(), v.slotJustTaken(), v.pickOneOfOffered(), v.notUnderstood(), v.goodbye(),
                v.emergencyAck(), v.emergencyOffer(), v.noAppointmentFound(), v.keptAsIs(), v.bookingDropped(),
                v.pinWrong(1), v.pinLocked(), v.ownerOnly(), v.dontKnow(), v.whatElse(), v.anythingElse(),
                v.takeMessage(null, AlertReceipt.QUEUED), v.takeMessage(null, AlertReceipt.NOT_CONFIGURED),
                v.askForMessage(null), v.transferring(null), v.askCallbackNumber(null), v.skipped(Expectation.PROBLEM), v.sayingAgain(), v.askWhatToChange(),
                v.nothingEarlier(), v.ownerAccessPaused(), v.changeOnlyFromBookingPhone(), THANKS));
        out.add(SPAN_AGAIN);
        out.add(SPAN_AGAIN_PLAINLY);
        for (Expectation.Slot slot : Expectation.Slot.values()) {
            Expectation asked = new Expectation(slot, List.of());
            out.add(v.askAgain(asked, 1, List.of()));
            if (slot != Expectation.Slot.SERVICE) { // the second try names the business's own services
                out.add(v.askAgain(asked, 2, List.of()));
            }
        }
        return out.stream().distinct().toList(); // some re-prompts say the same on every try
    }

    /**
     * {@link #fixedSentences(String)} with the greeting this business's calls are answered with, plus what its
     * profile makes fixed: the owner-named hand-off lines and every safety rule's advice as it is spoken, so the
     * advice that must come first never waits for synthesis.
     */
    public static List<String> fixedSentences(BusinessProfile profile) {
        VoicePhrasing v = new VoicePhrasing();
        String owner = profile.owner().name();
        List<String> out = new ArrayList<>(fixedSentencesAfter(v.greeting(profile)));
        out.addAll(List.of(v.transferring(owner), v.askForMessage(owner), v.askCallbackNumber(owner),
                v.takeMessage(owner, AlertReceipt.QUEUED), v.takeMessage(owner, AlertReceipt.NOT_CONFIGURED)));
        for (AlertReceipt r : List.of(AlertReceipt.QUEUED, AlertReceipt.RECORDED, AlertReceipt.NOT_CONFIGURED)) {
            out.add(v.handedOff(owner, r, true));
            out.add(v.handedOff(owner, r, false));
        }
        profile.safety().forEach(rule -> out.add(v.safetyAdvice(rule.advice())));
        return out.stream().distinct().toList();
    }

    @Override
    String timeJoiner() {
        return " at ";
    }

    @Override
    String laterDay(LocalDate d, LocalDate today) {
        String weekday = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK);
        if (!d.isAfter(today.plusDays(6))) {
            return weekday;
        }
        return weekday + " the " + SpokenNumbers.ordinal(d.getDayOfMonth());
    }

    @Override
    public String time(LocalTime t) {
        if (t.equals(LocalTime.NOON)) {
            return "noon";
        }
        int h12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String hour = SpokenNumbers.cardinal(h12);
        String minutes = t.getMinute() == 0 ? "" : t.getMinute() < 10
                ? " oh " + SpokenNumbers.cardinal(t.getMinute()) : " " + SpokenNumbers.cardinal(t.getMinute());
        return hour + minutes + (t.getHour() < 12 ? " a m" : " p m");
    }

    @Override
    public String greeting(String business) {
        return Greeting.STANDARD.spoken(opening(business));
    }

    /** The business's opening words with its disclosure (automated assistant, transcribed) after the first sentence. */
    @Override
    public String greeting(BusinessProfile profile) {
        Greeting g = profile.greeting();
        return g.spoken(g.hasVoice() ? g.voice() : opening(profile.name()));
    }

    private static String opening(String business) {
        return "Thanks for calling " + business + ". How can I help you today?";
    }

    @Override
    public String ownerGreeting(String ownerName) {
        return "Hi " + nameOr(ownerName, "there") + ". Please say or key in your PIN.";
    }

    @Override
    public String askService() {
        return "What do you need help with?";
    }

    @Override
    public String askWhen(String serviceName) {
        return "What day and time would suit you?";
    }

    @Override
    public String askName() {
        return "Can I take your name, please?";
    }

    @Override
    public String askPhone() {
        return "What's the best number to reach you on?";
    }

    @Override
    public String confirmCallerId(String e164) {
        String tail = e164.length() > 3 ? e164.substring(e164.length() - 3) : e164;
        // The question holds the caller's own digits, so it is synthesised while they wait; the thanks before it is
        // cached audio that plays meanwhile (about 130 ms of synthesis off the reply's start).
        return THANKS + " Is the number you're calling from, ending " + SpokenNumbers.digits(tail)
                + ", the best one to reach you on?";
    }

    @Override
    public String askAddress() {
        return "And what's the address for the job?";
    }

    @Override
    public String askProblem() {
        return "Briefly, what's the problem?";
    }

    @Override
    public String offerStarts(List<ZonedDateTime> starts, LocalDate today, String lead) {
        List<String> parts = new ArrayList<>();
        LocalDate previous = null;
        for (ZonedDateTime s : starts) {
            boolean sameDay = s.toLocalDate().equals(previous);
            parts.add(sameDay ? time(s.toLocalTime()) : when(s, today));
            previous = s.toLocalDate();
        }
        String options = joinOr(parts);
        String question = starts.size() == 1 ? " Would that work?" : " Which would you like?";
        return prefix(lead) + "I can do " + options + "." + question;
    }

    @Override
    public String offerRanges(LocalDate day, List<TimeSlot> ranges, LocalDate today, String lead) {
        List<String> parts = new ArrayList<>();
        for (TimeSlot r : ranges) {
            parts.add("from " + time(r.start().toLocalTime()) + " to " + time(r.end().toLocalTime()));
        }
        String dayText = day(day, today);
        return prefix(lead) + capitalise(dayText) + " I have openings " + joinAnd(parts) + ". What time suits you?";
    }

    @Override
    public String wantedTimeTaken(ZonedDateTime wanted, LocalDate today) {
        return "Sorry, " + when(wanted, today) + " is taken.";
    }

    @Override
    public String nothingInWindow() {
        return "Sorry, nothing is free then.";
    }

    @Override
    public String nothingAtAll() {
        return "Sorry, I don't have anything free in the coming weeks. I'll ask the team to call you back.";
    }

    @Override
    public String confirmBooking(String serviceName, ZonedDateTime start, String address, String name,
                                 LocalDate today) {
        return "So that's " + serviceName + " " + when(start, today)
                + (name == null || name.isBlank() ? "" : ", for " + name)
                + (address == null || address.isBlank() ? "" : ", at " + SpokenPostcodes.spelledIn(address))
                + ". Shall I book it?";
    }

    @Override
    public String confirmBooking(String serviceName, ZonedDateTime start, String address, LocalDate today) {
        return "So that's " + serviceName + " " + when(start, today) + (address == null || address.isBlank() ? "" : " at " + address)
                + ". Shall I book it?";
    }

    @Override
    public String booked(String serviceName, ZonedDateTime start, LocalDate today, boolean spokenFollowUp) {
        return "You're booked for " + serviceName + " " + when(start, today) + "."
                + (spokenFollowUp ? " I'll text you the details." : "") + " Is there anything else?";
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
        return "Which of those times would you like?";
    }

    @Override
    public String notUnderstood() {
        return "Sorry, I didn't catch that.";
    }

    @Override
    public String handedOff(String ownerName, AlertReceipt receipt, boolean messageLeft) {
        String who = nameOr(ownerName, "the team");
        if (receipt.ownerWillBeTold()) {
            return (messageLeft ? "Thank you. I've passed your message to " : "Of course. I've let ") + who
                    + (messageLeft ? ", who will call you back as soon as possible." : " know, and they'll call you "
                    + "back as soon as possible.");
        }
        if (receipt.messageKept()) {
            return (messageLeft ? "Thank you. I've left your message for " : "Of course. I've left a message for ")
                    + who + " to call you back.";
        }
        return "I'm sorry, I can't pass messages on right now. Please call back during opening hours.";
    }

    @Override
    public String transferring(String ownerName) {
        return "Of course. I'm putting you through to " + nameOr(ownerName, "the team") + " now. Please hold.";
    }

    @Override
    public String askForMessage(String ownerName) {
        return nameOr(ownerName, "The team") + " can't come to the phone right now. Please tell me your message, "
                + "and I'll pass it on.";
    }

    @Override
    public String askCallbackNumber(String ownerName) {
        return "Of course. What number should " + nameOr(ownerName, "we") + " call you back on?";
    }

    @Override
    public String safetyAdvice(String ownerText) {
        return SpokenNumbers.digitsInText(relay(ownerText));
    }

    @Override
    public String goodbye() {
        return "Thanks for calling. Goodbye.";
    }

    @Override
    public String emergencyAck(AlertReceipt receipt) {
        return receipt.ownerWillBeTold() ? "That sounds urgent. I've alerted the team right away."
                : "That sounds urgent. I'll treat it as an emergency.";
    }

    @Override
    public String emergencyOffer() {
        return "Let's get someone out to you.";
    }

    @Override
    public String noAppointmentFound() {
        return "I can't find a booking under your number. What number was it booked under?";
    }

    @Override
    public String whichAppointment(List<Appointment> options, LocalDate today, Function<String, String> serviceName) {
        List<String> parts = new ArrayList<>();
        for (Appointment a : options) {
            parts.add(serviceName.apply(a.serviceId()) + " " + when(a.slot().start(), today));
        }
        return "I can see " + joinAnd(parts) + ". Which one do you mean?";
    }

    @Override
    public String confirmCancel(String serviceName, ZonedDateTime start, LocalDate today) {
        return "You'd like to cancel your " + serviceName + " " + when(start, today) + ". Is that right?";
    }

    @Override
    public String cancelled(String serviceName, ZonedDateTime start, LocalDate today) {
        return "Done. Your " + serviceName + " " + when(start, today) + " is cancelled. Is there anything else?";
    }

    @Override
    public String keptAsIs() {
        return "No problem, I've left it as it is. Is there anything else?";
    }

    @Override
    public String bookingDropped() {
        return "No problem, I won't book anything. Is there anything else?";
    }

    @Override
    public String askNewTime(String serviceName, ZonedDateTime current, LocalDate today) {
        return "Your " + serviceName + " is " + when(current, today) + ". When would you like to move it to?";
    }

    @Override
    public String confirmMove(String serviceName, ZonedDateTime from, ZonedDateTime to, LocalDate today) {
        return "So I'll move your " + serviceName + " from " + when(from, today) + " to " + when(to, today)
                + ". Shall I go ahead?";
    }

    @Override
    public String moved(String serviceName, ZonedDateTime to, LocalDate today) {
        return "Done. Your " + serviceName + " is now " + when(to, today) + ". Is there anything else?";
    }

    @Override
    public String pinWrong(int attemptsLeft) {
        return "Sorry, that PIN isn't right. Please try again.";
    }

    @Override
    public String pinLocked() {
        return "Sorry, that PIN isn't right. I can't share the schedule on this call.";
    }

    @Override
    public String ownerReady(String ownerName) {
        return "Thanks " + nameOr(ownerName, "") + ". What would you like to know?";
    }

    @Override
    public String ownerAccessPaused() {
        return "Sorry, owner access is paused for a while after too many wrong PINs. Please try again later.";
    }

    @Override
    public String changeOnlyFromBookingPhone() {
        return "For your security, I can only change or cancel a booking from the phone it was booked with. Please call or text us from that phone.";
    }

    @Override
    public String ownerOnly() {
        return "Sorry, I can only go through the schedule with the owner.";
    }

    @Override
    public String briefing(String label, List<String> lines, int total) {
        if (total == 0) {
            return capitalise(label) + " you have nothing booked.";
        }
        String count = total == 1 ? "one job" : SpokenNumbers.cardinal(Math.min(total, 59)) + " jobs";
        StringBuilder b = new StringBuilder(capitalise(label)).append(" you have ").append(count).append(". ");
        for (String line : lines) {
            b.append(capitalise(line)).append(". ");
        }
        if (total > lines.size()) {
            b.append("And ").append(SpokenNumbers.cardinal(Math.min(total - lines.size(), 59))).append(" more. ");
        }
        return b.toString().trim();
    }

    @Override
    public String briefingLine(Appointment a, String serviceName, LocalDate today) {
        String who = a.customer().name().isBlank() ? "" : " for " + a.customer().name();
        String where = a.address().isBlank() ? "" : " at " + a.address();
        return (a.emergency() ? "an emergency, " : "") + time(a.slot().start().toLocalTime()) + ", " + serviceName
                + who + where;
    }

    @Override
    public String relay(String ownerText) {
        return ownerText.replaceAll("£\\s?([0-9][0-9,]*)", "$1 pounds")
                .replaceAll("\\$\\s?([0-9][0-9,]*)", "$1 dollars")
                .replace("&", " and ")
                .replace("%", " percent")
                .replaceAll("[*#@<>\\[\\]{}|~^_]", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    @Override
    public String dontKnow() {
        return "I'm not sure about that one. I can ask the team to call you back.";
    }

    @Override
    public String whatElse() {
        return "What else would you like to know?";
    }

    @Override
    public String anythingElse() {
        return "Is there anything else I can help with?";
    }


    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String joinOr(List<String> parts) {
        return join(parts, " or ");
    }

    static String joinAnd(List<String> parts) {
        return join(parts, " and ");
    }

    private static String join(List<String> parts, String last) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
    }

    @Override
    public String askAgain(Expectation slot, int failures, List<String> serviceNames) {
        boolean example = failures <= 1;
        return switch (slot.slot()) {
            case NAME -> example ? "Could you tell me your name? For example, Sarah Jones."
                    : "Please say just your first name and your surname.";
            case PHONE -> example ? "What number can we call you back on? Say it digit by digit, like oh seven seven"
                    + " double oh, nine double oh, one two three."
                    : "Please type the number on your keypad, then press the hash key.";
            case ADDRESS -> example ? "What's the address? The house number, the street and the postcode, like twelve"
                    + " Park Street, B S one, five H X."
                    : "Let's start with the postcode. What's the postcode, letter by letter?";
            case PROBLEM -> "In a few words, what's wrong? For example, the kitchen tap is dripping.";
            case SERVICE -> example ? "What's the job? For example, a leaking tap, a blocked drain or no hot water."
                    : "We do " + joinOr(serviceNames) + ". Which of those is closest?";
            case DATE_TIME -> example ? "What day and time would suit you? For example, Thursday at 2."
                    : "Please say a day and a time, like tomorrow afternoon, or Friday at ten. Or type the date on"
                    + " your keypad: two digits for the day, then two for the month.";
            // after "I have openings from eight to six" there is no first, second or third to pick
            case SLOT_CHOICE -> slot.offers().size() > Expectation.MOST_STARTS_READ_OUT
                    ? example ? SPAN_AGAIN : SPAN_AGAIN_PLAINLY
                    : example ? "Which of those would you like? You can say the first, the second or the"
                    + " third, or another day." : "Press 1, 2 or 3 on your keypad to choose.";
            case YES_NO -> example ? "Was that a yes or a no?" : "Please press 1 for yes, or 2 for no.";
            case PIN -> example ? "Please say your PIN one digit at a time." : "Please key in your PIN on the keypad.";
            case CHANGE -> example ? "Which part should I change? You can say the time, the address, or the name."
                    : "Please say just one word: time, address, or name. Or say it's fine, to keep it as it is.";
            case NONE -> example ? "I can book a visit, move or cancel one, or tell you about prices and opening"
                    + " hours. What would you like to do?"
                    : "For example, say book a drain cleaning on Friday, or say speak to someone.";
        };
    }

    @Override
    public String continueByText(Expectation slot) {
        return "I'll text you now: just reply with your " + (slot.is(Expectation.Slot.NAME) ? "name" : "address")
                + ", and I'll finish the booking by text. Thanks for calling, goodbye for now.";
    }

    @Override
    public String takeMessage(String ownerName, AlertReceipt receipt) {
        if (!receipt.messageKept()) {
            return "I'm sorry, I'm not getting this right. Please call back during opening hours to speak to "
                    + nameOr(ownerName, "the team") + ".";
        }
        return "I'm sorry, I'm not getting this right. I'll pass your details to " + nameOr(ownerName, "the team")
                + ", who will call you back shortly.";
    }

    @Override
    public String takenAsGiven(Expectation slot, String value) {
        return switch (slot.slot()) {
            case NAME -> "I'll put the name down as " + value + ".";
            case ADDRESS -> "I'll note the address as " + value + ".";
            default -> "I'll note that as " + value + ".";
        };
    }

    @Override
    public String skipped(Expectation slot) {
        return "No problem, the engineer will ask about that on the day.";
    }

    @Override
    public String sayingAgain() {
        return "Let me say that again.";
    }

    @Override
    public String askWhatToChange() {
        return "No problem. What would you like to change: the day or time, the address, or something else?";
    }

    @Override
    public String changedTo(Expectation slot, String value) {
        return switch (slot.slot()) {
            case ADDRESS -> "OK, I've changed the address to " + value + ".";
            case PHONE -> "OK, we'll call you on the number ending "
                    + SpokenNumbers.digits(value.length() > 3 ? value.substring(value.length() - 3) : value) + " instead.";
            case NAME -> "OK, I've changed the name to " + value + ".";
            default -> "OK, " + value + " instead.";
        };
    }

    @Override
    public String nothingEarlier() {
        return "Sorry, that's the earliest I have.";
    }
}

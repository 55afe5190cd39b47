package io.switchboard.dialog.phrasing;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.models.TimeSlot;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Every sentence the receptionist says, per channel: short spoken sentences with no symbols on voice, concise
 * texts that may list options on SMS and WhatsApp. Flows decide what to say; only this decides how.
 */
public interface Phrasing {

    static Phrasing forChannel(Channel channel) {
        return channel.isSpoken() ? new VoicePhrasing() : new TextPhrasing();
    }

    /** A point in time, relative to today where that reads naturally ("tomorrow at 10am"). */
    String when(ZonedDateTime t, LocalDate today);

    String day(LocalDate d, LocalDate today);

    String time(LocalTime t);

    String greeting(String business);

    /**
     * The opening line for {@code profile}: the business's own greeting for this kind of channel when its profile
     * sets one ({@code greeting:}), else the standard {@link #greeting(String)} naming the business.
     */
    default String greeting(BusinessProfile profile) {
        return greeting(profile.name());
    }

    String ownerGreeting(String ownerName);

    String askService();

    /** Two services fit what the caller said: one short question between them. */
    default String askWhichService(List<String> serviceNames) {
        if (serviceNames.size() < 2) {
            return askService();
        }
        return "Is that " + article(serviceNames.get(0)) + ", or " + article(serviceNames.get(1)) + "?";
    }

    /** Work the business does not do: a polite no, and what it does instead. */
    default String outOfScope(String business, List<String> serviceNames) {
        String does = serviceNames.isEmpty() ? ""
                : serviceNames.size() == 1 ? serviceNames.get(0)
                : String.join(", ", serviceNames.subList(0, serviceNames.size() - 1)) + " and "
                        + serviceNames.get(serviceNames.size() - 1);
        return "Sorry, that's not something we do." + (does.isEmpty() ? "" : " " + business + " does " + does + ".");
    }

    private static String article(String name) {
        return (name.matches("(?i)[aeiou].*") ? "an " : "a ") + name;
    }

    String askWhen(String serviceName);

    String askName();

    String askPhone();

    /** Asks whether the number the caller is using is the one to call back on. */
    String confirmCallerId(String e164);

    String askAddress();

    String askProblem();

    /** Offers specific starts to choose from. */
    String offerStarts(List<ZonedDateTime> starts, LocalDate today, String lead);

    /** Offers open stretches of one day ("from eleven to three") and asks for a time. */
    String offerRanges(LocalDate day, List<TimeSlot> ranges, LocalDate today, String lead);

    String wantedTimeTaken(ZonedDateTime wanted, LocalDate today);

    String nothingInWindow();

    /** The day asked for can take no booking at all; the nearest options follow. */
    default String dayUnavailable(LocalDate day, io.switchboard.scheduling.availability.DayUnavailable why,
                                  LocalDate today) {
        return switch (why) {
            case CLOSED -> "Sorry, we're closed on "
                    + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK) + "s.";
            case DAY_OFF -> "Sorry, we're not working " + day(day, today) + ".";
            case BEYOND_HORIZON -> "Sorry, " + day(day, today) + " is further ahead than we take bookings.";
        };
    }

    String nothingAtAll();

    String confirmBooking(String serviceName, ZonedDateTime start, String address, LocalDate today);

    /**
     * The confirmation with the caller's name too: on voice, the one read-back of what is easy to mishear (the
     * name, the postcode letter by letter), so a "no" can correct it before anything is booked. Channels where the
     * caller typed the name do not repeat it.
     */
    default String confirmBooking(String serviceName, ZonedDateTime start, String address, String name,
                                  LocalDate today) {
        return confirmBooking(serviceName, start, address, today);
    }

    String booked(String serviceName, ZonedDateTime start, LocalDate today, boolean spokenFollowUp);

    String slotJustTaken();

    String cannotBook(String reason);

    String pickOneOfOffered();

    String notUnderstood();

    /**
     * The caller asked for a person and the owner was told as {@code receipt} says: "I've let Sam know" only when the
     * owner will be texted, "I've left a message for Sam" when it is in the owner's list, otherwise no promise.
     *
     * @param messageLeft the caller left a message (voice), rather than just asking
     */
    String handedOff(String ownerName, AlertReceipt receipt, boolean messageLeft);

    /** A live call is about to be put through to the owner. */
    String transferring(String ownerName);

    /** No transfer (voice, closed or not configured): the caller is asked to leave a message. */
    String askForMessage(String ownerName);

    /** The caller asked for a call back but no number is known (web chat): which number? */
    String askCallbackNumber(String ownerName);

    /** Profile-written safety advice, said before anything else: numbers read digit by digit on voice. */
    String safetyAdvice(String ownerText);

    String goodbye();

    /**
     * The emergency acknowledgement when it is not known whether the owner was reached: it promises nothing. Prefer
     * {@link #emergencyAck(AlertReceipt)} with the notifier's answer.
     */
    default String emergencyAck() {
        return emergencyAck(AlertReceipt.NOT_CONFIGURED);
    }

    /** The emergency acknowledgement: "we've alerted the team" only when the receipt says the owner will be told. */
    String emergencyAck(AlertReceipt receipt);

    String emergencyOffer();

    String noAppointmentFound();

    String whichAppointment(List<Appointment> options, LocalDate today, java.util.function.Function<String, String> serviceName);

    String confirmCancel(String serviceName, ZonedDateTime start, LocalDate today);

    String cancelled(String serviceName, ZonedDateTime start, LocalDate today);

    String keptAsIs();

    /** The caller abandoned a booking before it was made. */
    String bookingDropped();

    String askNewTime(String serviceName, ZonedDateTime current, LocalDate today);

    String confirmMove(String serviceName, ZonedDateTime from, ZonedDateTime to, LocalDate today);

    String moved(String serviceName, ZonedDateTime to, LocalDate today);

    String pinWrong(int attemptsLeft);

    String pinLocked();

    /** Owner access is locked after repeated wrong PINs; says nothing of the schedule or the owner's number. */
    String ownerAccessPaused();

    String ownerReady(String ownerName);

    String ownerOnly();

    /**
     * A change asked for a booking of a number this conversation has not proven: nothing is changed, and nothing
     * says whether that number has any bookings.
     */
    String changeOnlyFromBookingPhone();

    /** The owner's briefing: {@code lines} are already phrased per appointment. */
    String briefing(String label, List<String> lines, int total);

    String briefingLine(Appointment a, String serviceName, LocalDate today);

    /** Owner-written text (an FAQ answer) made fit for the channel: symbols spelled out on voice. */
    String relay(String ownerText);

    String dontKnow();

    String whatElse();

    String anythingElse();

    /**
     * The question for {@code slot} again after {@code failures} answers in a row that were not understood: 1
     * rephrases it with an example, 2 (and more) offers another way in: keypad digits on voice, a format hint in
     * text. Never the same sentence as the first asking.
     *
     * @param serviceNames the business's services, for a question about which one
     */
    String askAgain(Expectation slot, int failures, List<String> serviceNames);

    /**
     * Nothing has worked: the conversation is handed off, said once. "Sam will call you back" only when
     * {@code receipt} says the owner will find the message.
     */
    String takeMessage(String ownerName, AlertReceipt receipt);

    /** An answer that could not be checked, taken as the caller gave it (the confirmation still shows it). */
    String takenAsGiven(Expectation slot, String value);

    /** An optional question dropped after it could not be answered. */
    String skipped(Expectation slot);

    /** On a call: the caller will get a text and can reply with {@code slot} there (a name, an address). */
    default String continueByText(Expectation slot) {
        return "I'll send you a text message: just reply with your " + slotWord(slot) + ".";
    }

    /** The text that carries a call on by SMS: what to reply with. */
    default String textPrompt(Expectation slot, String businessName) {
        return "Hi, it's " + businessName + ". Just reply with your " + slotWord(slot)
                + " and I'll finish your booking.";
    }

    private static String slotWord(Expectation slot) {
        return slot.is(Expectation.Slot.NAME) ? "full name" : "address, with the postcode";
    }

    /** A bare "no" to a confirmation: which part is wrong? */
    String askWhatToChange();

    /** Acknowledges a correction of one detail ("OK, 4 pm instead."). */
    String changedTo(Expectation slot, String value);

    /** "Anything sooner?" when nothing is. */
    String nothingEarlier();

    /** Said before a reply that would otherwise repeat the previous one word for word. */
    String sayingAgain();
}

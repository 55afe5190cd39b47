package io.switchboard.telephony.alerts;

import io.switchboard.dialog.HandOffNote;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the owner's hand-off text: who to call back, what they wanted, their message, and the last few lines of the
 * conversation. Everything the caller said (and every line of ours, which may echo it) goes through
 * {@link UntrustedText}: quoted, cut short, without numbers or links. The caller's own number is shown by the same
 * rules as an emergency alert ({@link OwnerAlertText#callBack}).
 */
public final class HandOffText {

    static final int NAME_CHARS = 40;
    static final int WANTED_CHARS = 120;
    static final int MESSAGE_CHARS = 200;
    static final int LINE_CHARS = 80;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm EEE d MMM", Locale.UK);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final String business;
    private final ZoneId zone;
    private final int maxChars;

    /** @param maxChars the channel's longest message ({@code TwilioSmsSender.MAX_BODY_CHARS}) */
    public HandOffText(String business, ZoneId zone, int maxChars) {
        this.business = UntrustedText.plain(Objects.requireNonNull(business, "business"), 60);
        this.zone = Objects.requireNonNull(zone, "zone");
        if (maxChars < 320) {
            throw new IllegalArgumentException("a hand-off text needs at least 320 characters");
        }
        this.maxChars = maxChars;
    }

    public String compose(HandOffNote note) {
        StringBuilder s = new StringBuilder(headline(note.reason())).append(" - ").append(business);
        String phone = E164.matcher(note.callerPhone()).matches() ? note.callerPhone() : null;
        s.append("\nCaller: ").append(OwnerAlertText.callBack(phone, note.channel().provesSenderPhone(), false));
        String name = UntrustedText.plain(note.callerName(), NAME_CHARS);
        if (!name.isEmpty()) {
            s.append(" (").append(name).append(')');
        }
        String wanted = UntrustedText.plain(note.wanted(), WANTED_CHARS);
        s.append("\nWants: ").append(wanted.isEmpty() ? "not said" : wanted);
        String message = UntrustedText.quote(note.message(), MESSAGE_CHARS);
        if (!message.isEmpty()) {
            s.append("\nMessage: ").append(message);
        }
        s.append("\nVia ").append(note.channel().wireName()).append(" at ").append(WHEN.format(note.at()
                .withZoneSameInstant(zone)));
        if (!note.recentLines().isEmpty()) {
            s.append("\nLast lines:");
            for (String line : note.recentLines()) {
                String l = line(line);
                if (s.length() + l.length() + 1 > maxChars) {
                    break;
                }
                s.append('\n').append(l);
            }
        }
        return s.length() <= maxChars ? s.toString() : s.substring(0, maxChars - 1) + "…";
    }

    /** "Caller: ..." is quoted as the caller's words; our own lines are cleaned too, since they may echo them. */
    private static String line(String line) {
        if (line.startsWith("Caller:")) {
            return "Caller: " + UntrustedText.quote(line.substring("Caller:".length()), LINE_CHARS);
        }
        String text = line.startsWith("Us:") ? line.substring("Us:".length()) : line;
        return "Us: " + UntrustedText.plain(text, LINE_CHARS);
    }

    private static String headline(String reason) {
        return switch (reason) {
            case "transfer" -> "CALLER PUT THROUGH TO YOU";
            case "message_left" -> "MESSAGE - please call back";
            case "no_progress", "not_understood" -> "CALL BACK - the receptionist could not help";
            default -> "CALL BACK - caller asked for you";
        };
    }
}

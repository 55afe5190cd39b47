package io.switchboard.dialog;

import io.switchboard.models.Channel;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the owner is told when a caller is handed to a person: who to call back and why. Everything but the channel,
 * the reason and the time comes from the caller (or echoes them), so the notifier treats it as untrusted text.
 *
 * @param callerPhone     E.164 to call back, or empty when unknown
 * @param callerName      as given, may be empty
 * @param wanted          what the caller wanted as far as it was understood ("book; drain cleaning; Friday")
 * @param message         the caller's own message when one was left (voice, outside transfer hours), else empty
 * @param recentLines     the last few lines of the conversation, oldest first, each prefixed "Caller:" or "Us:"
 * @param reason          why: {@code asked_for_person}, {@code call_back}, {@code no_progress}, {@code not_understood},
 *                        {@code identity_unproven}, {@code transfer}, {@code message_left}
 * @param conversationKey identifies the conversation ({@code "sms:+4477..."}, {@code "voice:CA..."})
 */
public record HandOffNote(String callerPhone, String callerName, String wanted, String message,
                          List<String> recentLines, String reason, Channel channel, ZonedDateTime at,
                          String conversationKey) {

    public HandOffNote {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        callerPhone = callerPhone == null ? "" : callerPhone;
        callerName = callerName == null ? "" : callerName;
        wanted = wanted == null ? "" : wanted;
        message = message == null ? "" : message;
        recentLines = recentLines == null ? List.of() : List.copyOf(recentLines);
    }
}

package io.switchboard.dialog;

import io.switchboard.models.Channel;

import java.time.ZonedDateTime;

/**
 * What the owner is told about an emergency. Everything but the channel and time may come from the caller, so the
 * notifier treats it as untrusted text.
 *
 * @param callerPhone     E.164, or empty when unknown
 * @param address         as given so far, may be empty
 * @param problem         the caller's words, may be empty
 * @param conversationKey identifies the conversation (a session key such as {@code "sms:+447700900123"} or
 *                        {@code "voice:CA..."}): at most one alert is queued per conversation; may be null
 */
public record EmergencyAlert(String callerPhone, String callerName, String address, String problem, Channel channel,
                             ZonedDateTime at, String conversationKey) {

    /** Without a conversation key: the channel and caller number stand in for one (none when the number is unknown). */
    public EmergencyAlert(String callerPhone, String callerName, String address, String problem, Channel channel,
                          ZonedDateTime at) {
        this(callerPhone, callerName, address, problem, channel, at, defaultKey(channel, callerPhone));
    }

    private static String defaultKey(Channel channel, String callerPhone) {
        return channel == null || callerPhone == null || callerPhone.isBlank()
                ? null : channel.wireName() + ':' + callerPhone;
    }
}

package io.switchboard.dialog;

import io.switchboard.models.Channel;

import java.time.ZonedDateTime;

/**
 * What the owner is told about an emergency.
 *
 * @param callerPhone E.164, or empty when unknown
 * @param address     as given so far, may be empty
 * @param problem     the caller's words, may be empty
 */
public record EmergencyAlert(String callerPhone, String callerName, String address, String problem, Channel channel,
                             ZonedDateTime at) {
}

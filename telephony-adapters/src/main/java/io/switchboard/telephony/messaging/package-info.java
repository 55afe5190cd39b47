/**
 * Text channels: Twilio SMS and WhatsApp Cloud API webhooks into the dialog engine, idempotent across retries and
 * restarts, carrier opt-out keywords, SMS follow-ups after voice bookings, and SMS emergency alerts to the owner.
 * {@link io.switchboard.telephony.messaging.TextChannels} wires it all from the environment.
 */
package io.switchboard.telephony.messaging;

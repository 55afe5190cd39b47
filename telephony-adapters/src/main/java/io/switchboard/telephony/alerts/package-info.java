/**
 * The owner's emergency alerts: queued durably ({@code owner_alert}) by the {@code SmsNotifier}, worked by one
 * dispatcher at a time across instances, paced and aggregated so a flood of alerts becomes one text, deferred when
 * rate-limited, retried with back-off when the provider fails, and counted. Caller-supplied text reaches the owner
 * only through {@link io.switchboard.telephony.alerts.UntrustedText}: quoted, cut short, without numbers or links.
 */
package io.switchboard.telephony.alerts;

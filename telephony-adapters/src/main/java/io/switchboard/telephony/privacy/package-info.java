/**
 * Personal data: how long it is kept and how one person's data is exported or erased.
 *
 * <p>{@link io.switchboard.telephony.privacy.RetentionSchedule} is the one periodic job that enforces every
 * retention period ({@link io.switchboard.telephony.privacy.RetentionRule}s: the call log, message bodies, customer
 * records of finished jobs); {@link io.switchboard.telephony.privacy.PersonalDataExport} and {@link
 * io.switchboard.telephony.privacy.PersonalDataErasure} serve the admin API, and {@link
 * io.switchboard.telephony.privacy.PrivacyLog} records each of them without the data itself.
 */
package io.switchboard.telephony.privacy;

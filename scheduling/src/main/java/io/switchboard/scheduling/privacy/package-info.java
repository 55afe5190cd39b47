/**
 * A customer's personal data in the scheduling tables, for retention and erasure: {@link
 * io.switchboard.scheduling.privacy.CustomerRecords} finds customers whose jobs are long finished and replaces a
 * customer's details on their bookings, audit entries and calendar changes by a redacted stub.
 */
package io.switchboard.scheduling.privacy;

package io.switchboard.scheduling.audit;

import io.switchboard.models.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change.
 *
 * @param before JSON snapshot before the change, or null for a new booking
 * @param after  JSON snapshot after the change
 */
public record AuditEntry(long id, Instant at, String action, UUID appointmentId, Channel channel, String actor,
                         String before, String after) {
}

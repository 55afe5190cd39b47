package io.switchboard.scheduling.audit;

import io.switchboard.models.Channel;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.AUDIT_LOG;

/** Who changed which appointment, when, through which channel, and what it looked like before and after. */
public final class AuditLog {

    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records a change inside the caller's transaction, so a change and its audit row commit together. */
    public void record(DSLContext tx, Instant at, String action, UUID appointmentId, Channel channel, String actor,
                       JSONB before, JSONB after) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.AT, at.atOffset(ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.APPOINTMENT_ID, appointmentId)
                .set(AUDIT_LOG.CHANNEL, channel.name())
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.BEFORE_STATE, before)
                .set(AUDIT_LOG.AFTER_STATE, after)
                .execute();
    }

    public List<AuditEntry> forAppointment(UUID appointmentId) {
        return dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.APPOINTMENT_ID.eq(appointmentId))
                .orderBy(AUDIT_LOG.ID)
                .fetch(r -> new AuditEntry(r.getId(), r.getAt().toInstant(), r.getAction(), r.getAppointmentId(),
                        Channel.valueOf(r.getChannel()), r.getActor(),
                        r.getBeforeState() == null ? null : r.getBeforeState().data(),
                        r.getAfterState() == null ? null : r.getAfterState().data()));
    }
}

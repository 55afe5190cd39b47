package io.switchboard.telephony.privacy;

import static io.switchboard.scheduling.db.Tables.INBOUND_MESSAGE;
import static io.switchboard.scheduling.db.Tables.OWNER_ALERT;
import static io.switchboard.scheduling.db.Tables.PROCESSED_MESSAGE;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Message bodies past {@link RetentionSettings#messages()}: the text of inbound messages never answered (answered
 * ones lose it at once), the replies kept so a webhook retry gets the same answer, and the caller's name, address and
 * problem in owner alerts no longer waiting to be sent. The rows themselves (ids for deduplication, delivery status)
 * stay until the text channels prune them; only the personal content goes here. An inbound message still unanswered
 * after the whole period is given up on ({@code failed}): its sender was asked to try again long ago.
 */
public final class MessageRetention implements RetentionRule {

    private final DSLContext dsl;
    private final Duration keep;

    public MessageRetention(DSLContext dsl, Duration keep) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    @Override
    public String name() {
        return "message bodies";
    }

    @Override
    public int purge(Instant now) {
        OffsetDateTime cutoff = now.minus(keep).atOffset(ZoneOffset.UTC);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int inbound = dsl.update(INBOUND_MESSAGE)
                .setNull(INBOUND_MESSAGE.BODY)
                .set(INBOUND_MESSAGE.STATUS, "failed")
                .set(INBOUND_MESSAGE.UPDATED_AT, at)
                .where(INBOUND_MESSAGE.RECEIVED_AT.lt(cutoff))
                .and(INBOUND_MESSAGE.BODY.isNotNull())
                .execute();
        int replies = dsl.update(PROCESSED_MESSAGE)
                .setNull(PROCESSED_MESSAGE.REPLY)
                .where(PROCESSED_MESSAGE.CREATED_AT.lt(cutoff))
                .and(PROCESSED_MESSAGE.REPLY.isNotNull())
                .execute();
        int alerts = dsl.update(OWNER_ALERT)
                .setNull(OWNER_ALERT.CALLER_NAME)
                .setNull(OWNER_ALERT.ADDRESS)
                .setNull(OWNER_ALERT.PROBLEM)
                .where(OWNER_ALERT.CREATED_AT.lt(cutoff))
                .and(OWNER_ALERT.STATUS.ne("pending"))
                .and(OWNER_ALERT.CALLER_NAME.isNotNull().or(OWNER_ALERT.ADDRESS.isNotNull())
                        .or(OWNER_ALERT.PROBLEM.isNotNull()))
                .execute();
        return inbound + replies + alerts;
    }
}

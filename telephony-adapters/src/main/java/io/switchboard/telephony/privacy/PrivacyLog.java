package io.switchboard.telephony.privacy;

import static io.switchboard.scheduling.db.Tables.PRIVACY_LOG;

import io.switchboard.telephony.PiiMask;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * The record of every export, erasure and retention expiry ({@code privacy_log}): when, what, by whom, and counts of
 * what was affected. The person appears only as a masked number ({@code ***123}), so the record of an erasure does not
 * undo it.
 */
public final class PrivacyLog {

    /** What happened to one person's data. */
    public enum Action {
        EXPORT, ERASE, EXPIRE;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One stored entry. */
    public record Entry(Instant at, String action, String subject, String actor, String detail) {
    }

    private final DSLContext dsl;

    public PrivacyLog(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Records inside {@code tx}, so an erasure and its record commit together. */
    public void record(DSLContext tx, Instant at, Action action, String phone, String actor, JsonObject counts) {
        tx.insertInto(PRIVACY_LOG)
                .set(PRIVACY_LOG.AT, at.atOffset(ZoneOffset.UTC))
                .set(PRIVACY_LOG.ACTION, action.wireName())
                .set(PRIVACY_LOG.SUBJECT, PiiMask.phone(phone))
                .set(PRIVACY_LOG.ACTOR, actor)
                .set(PRIVACY_LOG.DETAIL, JSONB.valueOf(counts.encode()))
                .execute();
    }

    /** Newest first. */
    public List<Entry> recent(int limit) {
        return dsl.selectFrom(PRIVACY_LOG).orderBy(PRIVACY_LOG.ID.desc()).limit(limit)
                .fetch(r -> new Entry(r.getAt().toInstant(), r.getAction(), r.getSubject(), r.getActor(),
                        r.getDetail().data()));
    }
}

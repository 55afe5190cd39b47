package io.switchboard.telephony.messaging;

import static io.switchboard.scheduling.db.Tables.PROCESSED_MESSAGE;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Webhook idempotency in PostgreSQL ({@code processed_message}), so it survives restarts and holds across servers.
 *
 * <p>{@link #handleOnce} inserts the message's key and runs the work inside one transaction. A duplicate delivered
 * meanwhile blocks on the uncommitted key (PostgreSQL makes a conflicting {@code INSERT ... ON CONFLICT DO NOTHING}
 * wait for the first transaction), then finds the row committed and returns its stored reply: the conversation runs
 * once and every delivery gets the same answer. If the work throws, the transaction rolls back and the key is free
 * again, so a later retry is processed afresh. Blocking: call from a worker thread.
 */
public final class ProcessedMessages {

    /** How long a duplicate waits for the first delivery's transaction before giving up with an error. */
    static final String LOCK_TIMEOUT = "15s";

    private final DSLContext dsl;
    private final Clock clock;

    public ProcessedMessages(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code work} (which computes the reply, or empty for none) unless this message was handled before, in
     * which case the stored reply is returned and {@code work} does not run.
     */
    public Handled handleOnce(MessageProvider provider, String messageId, Supplier<Optional<String>> work) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(messageId, "messageId");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            int inserted = tx.insertInto(PROCESSED_MESSAGE)
                    .set(PROCESSED_MESSAGE.PROVIDER, provider.wireName())
                    .set(PROCESSED_MESSAGE.MESSAGE_ID, messageId)
                    .set(PROCESSED_MESSAGE.CREATED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                String stored = tx.select(PROCESSED_MESSAGE.REPLY)
                        .from(PROCESSED_MESSAGE)
                        .where(PROCESSED_MESSAGE.PROVIDER.eq(provider.wireName()))
                        .and(PROCESSED_MESSAGE.MESSAGE_ID.eq(messageId))
                        .fetchOne(PROCESSED_MESSAGE.REPLY);
                return new Handled(false, stored);
            }
            String reply = work.get().orElse(null);
            if (reply != null) {
                tx.update(PROCESSED_MESSAGE)
                        .set(PROCESSED_MESSAGE.REPLY, reply)
                        .where(PROCESSED_MESSAGE.PROVIDER.eq(provider.wireName()))
                        .and(PROCESSED_MESSAGE.MESSAGE_ID.eq(messageId))
                        .execute();
            }
            return new Handled(true, reply);
        });
    }

    /** Forgets messages older than {@code cutoff}; providers retry within minutes, so days-old keys are dead weight. */
    public int pruneOlderThan(Instant cutoff) {
        return dsl.deleteFrom(PROCESSED_MESSAGE)
                .where(PROCESSED_MESSAGE.CREATED_AT.lt(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
                .execute();
    }
}

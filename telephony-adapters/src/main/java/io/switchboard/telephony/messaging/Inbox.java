package io.switchboard.telephony.messaging;

import static io.switchboard.scheduling.db.Tables.INBOUND_MESSAGE;

import io.switchboard.models.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.jooq.DSLContext;

/**
 * Inbound messages as received ({@code inbound_message}), written before the provider is acknowledged. The insert
 * is also the webhook deduplication: a redelivered id conflicts on the primary key and is not stored twice.
 *
 * <p>A message moves {@code received → answered} exactly once: {@link #claimReply} is a conditional update, so of
 * the webhook that took the message and a recovery sweep that found it stale, only one ever sends the reply. Blocking:
 * call from a worker thread.
 */
public final class Inbox {

    static final String RECEIVED = "received";
    static final String ANSWERED = "answered";
    static final String FAILED = "failed";

    private final DSLContext dsl;
    private final Clock clock;

    public Inbox(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores the message; false when this provider id was stored before (a redelivery). */
    public boolean accept(InboundText m) {
        OffsetDateTime now = now();
        return dsl.insertInto(INBOUND_MESSAGE)
                .set(INBOUND_MESSAGE.PROVIDER, m.provider().wireName())
                .set(INBOUND_MESSAGE.MESSAGE_ID, m.messageId())
                .set(INBOUND_MESSAGE.CHANNEL, m.channel().wireName())
                .set(INBOUND_MESSAGE.SENDER, m.fromE164())
                .set(INBOUND_MESSAGE.BODY, m.text())
                .set(INBOUND_MESSAGE.MEDIA_COUNT, m.mediaCount())
                .set(INBOUND_MESSAGE.RECEIVED_AT, now)
                .set(INBOUND_MESSAGE.STATUS, RECEIVED)
                .set(INBOUND_MESSAGE.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Marks the message answered and forgets its text; true for the one caller that made the change and so may
     * deliver the reply, false when it was answered (or given up on) already.
     */
    public boolean claimReply(MessageProvider provider, String messageId) {
        return settle(provider, messageId, ANSWERED);
    }

    /** Gives up on a message that is still unanswered (the sender was asked to try again, or it kept failing). */
    public boolean fail(MessageProvider provider, String messageId) {
        return settle(provider, messageId, FAILED);
    }

    /**
     * Moves a still-unanswered message to {@code status} and forgets its text; true only for the one caller whose
     * update changed the row (the status check in the same statement makes it a compare-and-set).
     */
    private boolean settle(MessageProvider provider, String messageId, String status) {
        return dsl.update(INBOUND_MESSAGE)
                .set(INBOUND_MESSAGE.STATUS, status)
                .setNull(INBOUND_MESSAGE.BODY)
                .set(INBOUND_MESSAGE.UPDATED_AT, now())
                .where(INBOUND_MESSAGE.PROVIDER.eq(provider.wireName()))
                .and(INBOUND_MESSAGE.MESSAGE_ID.eq(messageId))
                .and(INBOUND_MESSAGE.STATUS.eq(RECEIVED))
                .execute() == 1;
    }

    /** Whether the message was given up on (its sender got an apology): a redelivery is not answered again. */
    public boolean isFailed(MessageProvider provider, String messageId) {
        return dsl.fetchExists(INBOUND_MESSAGE, INBOUND_MESSAGE.PROVIDER.eq(provider.wireName())
                .and(INBOUND_MESSAGE.MESSAGE_ID.eq(messageId))
                .and(INBOUND_MESSAGE.STATUS.eq(FAILED)));
    }

    /** Unanswered messages nobody has touched for {@code idle}: their webhook died or failed. Oldest first. */
    public List<InboundText> stale(Duration idle, int limit) {
        return dsl.selectFrom(INBOUND_MESSAGE)
                .where(INBOUND_MESSAGE.STATUS.eq(RECEIVED))
                .and(INBOUND_MESSAGE.UPDATED_AT.le(now().minus(idle)))
                .orderBy(INBOUND_MESSAGE.RECEIVED_AT)
                .limit(limit)
                .fetch(r -> new InboundText(MessageProvider.valueOf(r.getProvider().toUpperCase(Locale.ROOT)),
                        r.getMessageId(), Channel.fromWire(r.getChannel()).orElseThrow(), r.getSender(),
                        r.getBody(), r.getMediaCount()));
    }

    /**
     * Takes a stale message for one more attempt, unless another sweep (on this or another server) took it since it
     * was listed.
     *
     * @return the attempt number, or empty when someone else has it
     */
    public OptionalInt retry(MessageProvider provider, String messageId, Duration idle) {
        OffsetDateTime now = now();
        return dsl.update(INBOUND_MESSAGE)
                .set(INBOUND_MESSAGE.ATTEMPTS, INBOUND_MESSAGE.ATTEMPTS.plus(1))
                .set(INBOUND_MESSAGE.UPDATED_AT, now)
                .where(INBOUND_MESSAGE.PROVIDER.eq(provider.wireName()))
                .and(INBOUND_MESSAGE.MESSAGE_ID.eq(messageId))
                .and(INBOUND_MESSAGE.STATUS.eq(RECEIVED))
                .and(INBOUND_MESSAGE.UPDATED_AT.le(now.minus(idle)))
                .returningResult(INBOUND_MESSAGE.ATTEMPTS)
                .fetchOptional()
                .map(r -> OptionalInt.of(r.value1()))
                .orElse(OptionalInt.empty());
    }

    /** Forgets finished messages older than {@code cutoff}; unanswered ones stay until they are finished. */
    public int pruneOlderThan(Instant cutoff) {
        return dsl.deleteFrom(INBOUND_MESSAGE)
                .where(INBOUND_MESSAGE.STATUS.ne(RECEIVED))
                .and(INBOUND_MESSAGE.RECEIVED_AT.lt(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

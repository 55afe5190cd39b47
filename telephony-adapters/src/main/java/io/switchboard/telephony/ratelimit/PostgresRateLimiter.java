package io.switchboard.telephony.ratelimit;

import java.time.Clock;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_bucket}), shared by every instance on the database. One transaction
 * per message: create the row if missing, lock it ({@code SELECT ... FOR UPDATE}, so concurrent messages of one key
 * queue instead of both spending the last token), apply the same {@link TokenBucket} arithmetic as the in-memory
 * limiter, write it back. Blocking: call from a worker thread. Old rows are removed by {@link #pruneIdle}.
 */
public final class PostgresRateLimiter implements RateLimiter {

    /** Keys are namespaced ("sms:from:+44...", "chat:addr:203.0.113.9"); longer ones are refused by the column. */
    public static final int MAX_KEY = 200;

    private final DSLContext dsl;
    private final RateLimit limit;
    private final Clock clock;
    private final String namespace;

    /**
     * @param namespace distinguishes limiters with different limits sharing the table ({@code "sender"},
     *                  {@code "address"})
     */
    public PostgresRateLimiter(DSLContext dsl, RateLimit limit, Clock clock, String namespace) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public RateDecision acquire(String key) {
        String rowKey = namespace + "/" + Objects.requireNonNull(key, "key");
        if (rowKey.length() > MAX_KEY) {
            rowKey = rowKey.substring(0, MAX_KEY);
        }
        String k = rowKey;
        long now = clock.millis();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.execute("INSERT INTO rate_limit_bucket (bucket_key, tokens, updated_ms, refusing) VALUES (?, ?, ?, false) "
                    + "ON CONFLICT (bucket_key) DO NOTHING", k, (double) limit.burst(), now);
            Record row = tx.fetchOne("SELECT tokens, updated_ms, refusing FROM rate_limit_bucket WHERE bucket_key = ? "
                    + "FOR UPDATE", k);
            TokenBucket stored = new TokenBucket(((Number) row.get(0)).doubleValue(), ((Number) row.get(1)).longValue(),
                    (Boolean) row.get(2));
            TokenBucket.Taken taken = stored.take(limit, now);
            tx.execute("UPDATE rate_limit_bucket SET tokens = ?, updated_ms = ?, refusing = ? WHERE bucket_key = ?",
                    taken.bucket().tokens(), taken.bucket().at(), taken.bucket().refusing(), k);
            return taken.decision();
        });
    }

    /** Deletes buckets untouched for longer than a full refill takes: they are the same as no row. */
    @Override
    public int pruneIdle() {
        long fullRefillMillis = (long) Math.ceil(limit.burst() * limit.millisPerToken());
        return dsl.execute("DELETE FROM rate_limit_bucket WHERE bucket_key LIKE ? AND updated_ms < ?",
                namespace + "/%", clock.millis() - fullRefillMillis);
    }
}

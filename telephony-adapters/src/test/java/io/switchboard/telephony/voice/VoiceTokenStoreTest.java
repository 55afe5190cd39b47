package io.switchboard.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token key and the single-use record live in PostgreSQL, so that instances on one database agree. */
class VoiceTokenStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String SID = "CA5f0e8ae6ade43cb3c0ce4525424e404f";

    private final Database database = TestDatabase.freshSchema();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void instancesStartingTogetherAllGetTheSameGeneratedKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> starts = List.of(() -> CallTokenKey.loadOrCreate(database.dsl(), clock),
                    () -> CallTokenKey.loadOrCreate(database.dsl(), clock),
                    () -> CallTokenKey.loadOrCreate(database.dsl(), clock),
                    () -> CallTokenKey.loadOrCreate(database.dsl(), clock));
            List<byte[]> keys = pool.invokeAll(starts).stream().map(VoiceTokenStoreTest::get).toList();

            assertThat(keys.get(0)).hasSizeGreaterThanOrEqualTo(CallTokens.MIN_KEY_BYTES);
            assertThat(keys).allSatisfy(k -> assertThat(k).isEqualTo(keys.get(0)));
            // so a token minted by one instance verifies on another
            CallTokens a = new CallTokens(keys.get(0), clock, CallTokens.DEFAULT_LIFETIME);
            CallTokens b = new CallTokens(CallTokenKey.loadOrCreate(database.dsl(), clock), clock,
                    CallTokens.DEFAULT_LIFETIME);
            assertThat(b.check(a.mint(SID, "+447700900123"), SID, "+447700900123"))
                    .isInstanceOf(CallTokenCheck.Valid.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenIsClaimedOnceAcrossInstances() {
        UsedCallTokens first = new UsedCallTokens(database.dsl(), clock);
        UsedCallTokens second = new UsedCallTokens(database.dsl(), clock);
        CallTokenCheck.Valid token = new CallTokenCheck.Valid(SID, "+447700900123", NOW.plus(Duration.ofMinutes(3)));

        assertThat(first.claim(token)).isTrue();
        assertThat(second.claim(token)).as("a replay to another instance").isFalse();
        assertThat(first.claim(token)).as("a replay to the same instance").isFalse();
        assertThat(first.claim(new CallTokenCheck.Valid("CA" + "1".repeat(32), "", NOW.plus(Duration.ofMinutes(3)))))
                .as("another call").isTrue();
    }

    @Test
    void expiredClaimsAreRemoved() {
        new UsedCallTokens(database.dsl(), clock)
                .claim(new CallTokenCheck.Valid(SID, "+447700900123", NOW.plus(Duration.ofMinutes(3))));
        new UsedCallTokens(database.dsl(), Clock.fixed(NOW.plus(Duration.ofMinutes(4)), ZoneOffset.UTC))
                .claim(new CallTokenCheck.Valid("CA" + "2".repeat(32), "", NOW.plus(Duration.ofMinutes(7))));

        assertThat(database.dsl().fetchCount(org.jooq.impl.DSL.table("voice_token_used"))).isEqualTo(1);
    }

    private static byte[] get(Future<byte[]> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

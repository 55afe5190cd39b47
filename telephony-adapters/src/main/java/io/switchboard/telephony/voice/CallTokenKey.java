package io.switchboard.telephony.voice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The server key of {@link CallTokens}, kept in {@code voice_token_key} so that every instance on one database signs
 * and checks with the same key. The first instance to start generates it; the others read it. Blocking: call once at
 * start-up and keep the result.
 */
public final class CallTokenKey {

    private static final int KEY_BYTES = 32;

    private CallTokenKey() {
    }

    /** The stored key, generating and storing one first if there is none (a concurrent first start is safe). */
    public static byte[] loadOrCreate(DSLContext dsl, Clock clock) {
        Objects.requireNonNull(dsl, "dsl");
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        // The single-row check and primary key let exactly one instance win; the others read the winner's key.
        dsl.execute("INSERT INTO voice_token_key (id, secret, created_at) VALUES (1, {0}, {1})"
                        + " ON CONFLICT (id) DO NOTHING", DSL.val(fresh, SQLDataType.BLOB),
                DSL.val(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), SQLDataType.TIMESTAMPWITHTIMEZONE));
        byte[] stored = dsl.select(DSL.field("secret", byte[].class))
                .from(DSL.table("voice_token_key"))
                .where(DSL.field("id", Integer.class).eq(1))
                .fetchOne(0, byte[].class);
        if (stored == null || stored.length < CallTokens.MIN_KEY_BYTES) {
            throw new IllegalStateException("voice_token_key holds no usable key");
        }
        return stored;
    }
}

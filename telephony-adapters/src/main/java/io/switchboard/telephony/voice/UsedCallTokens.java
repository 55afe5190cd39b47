package io.switchboard.telephony.voice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Makes a call token single-use across every instance on one database: the first stream to claim a CallSid wins,
 * a replay of the same TwiML (to this or another instance) is refused. Kept in the database rather than in memory
 * because Twilio may open the stream on another instance than the one that answered the webhook, and a replay must
 * fail there too; one insert per genuine call is cheap. Blocking: call from a worker thread.
 */
public final class UsedCallTokens {

    private final DSLContext dsl;
    private final Clock clock;

    public UsedCallTokens(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return true for the first claim of this token's call, false if it was used before */
    public boolean claim(CallTokenCheck.Valid token) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Expired rows can go: their tokens are refused by the expiry check before they get here.
        dsl.execute("DELETE FROM voice_token_used WHERE expires_at < {0}", timestamp(now));
        return dsl.execute("INSERT INTO voice_token_used (call_sid, expires_at) VALUES ({0}, {1})"
                        + " ON CONFLICT (call_sid) DO NOTHING", DSL.val(token.callSid()),
                timestamp(OffsetDateTime.ofInstant(token.expiresAt(), ZoneOffset.UTC))) == 1;
    }

    private static Field<OffsetDateTime> timestamp(OffsetDateTime t) {
        return DSL.val(t, SQLDataType.TIMESTAMPWITHTIMEZONE);
    }
}

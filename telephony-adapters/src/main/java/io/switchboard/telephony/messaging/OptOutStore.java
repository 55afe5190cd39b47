package io.switchboard.telephony.messaging;

import static io.switchboard.scheduling.db.Tables.MESSAGING_OPT_OUT;

import io.switchboard.models.Channel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Who said STOP on which channel ({@code messaging_opt_out}). Remembered in the database, so an opt-out outlives
 * restarts and sessions. Blocking: call from a worker thread.
 */
public final class OptOutStore {

    private final DSLContext dsl;
    private final Clock clock;

    public OptOutStore(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean isOptedOut(String phoneE164, Channel channel) {
        return dsl.fetchExists(MESSAGING_OPT_OUT,
                MESSAGING_OPT_OUT.PHONE.eq(phoneE164).and(MESSAGING_OPT_OUT.CHANNEL.eq(channel.name())));
    }

    /** @return true if the number was not opted out before */
    public boolean optOut(String phoneE164, Channel channel) {
        return dsl.insertInto(MESSAGING_OPT_OUT)
                .set(MESSAGING_OPT_OUT.PHONE, phoneE164)
                .set(MESSAGING_OPT_OUT.CHANNEL, channel.name())
                .set(MESSAGING_OPT_OUT.OPTED_OUT_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** @return true if the number had been opted out */
    public boolean optIn(String phoneE164, Channel channel) {
        return dsl.deleteFrom(MESSAGING_OPT_OUT)
                .where(MESSAGING_OPT_OUT.PHONE.eq(phoneE164))
                .and(MESSAGING_OPT_OUT.CHANNEL.eq(channel.name()))
                .execute() == 1;
    }
}

package io.switchboard.telephony.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link SharedSettings} in PostgreSQL's {@code switchboard_setting} table. {@code INSERT ... ON CONFLICT DO NOTHING}
 * then a read: two instances starting at once both insert, PostgreSQL keeps one row, and both read that one.
 */
public final class PostgresSharedSettings implements SharedSettings {

    private final DSLContext dsl;
    private final Clock clock;

    public PostgresSharedSettings(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String putIfAbsent(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        dsl.execute("INSERT INTO switchboard_setting (name, value, created_at) VALUES (?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE)) "
                + "ON CONFLICT (name) DO NOTHING", name, value, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return get(name).orElseThrow(() -> new IllegalStateException("setting " + name + " vanished after insert"));
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(dsl.fetchValue("SELECT value FROM switchboard_setting WHERE name = ?", name))
                .map(Object::toString);
    }
}

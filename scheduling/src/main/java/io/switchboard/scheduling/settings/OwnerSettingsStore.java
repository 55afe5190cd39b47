package io.switchboard.scheduling.settings;

import io.switchboard.scheduling.profile.OwnerSettings;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.switchboard.scheduling.db.Tables.OWNER_BLACKOUT;
import static io.switchboard.scheduling.db.Tables.OWNER_FAQ_ANSWER;
import static io.switchboard.scheduling.db.Tables.OWNER_HOURS;
import static io.switchboard.scheduling.db.Tables.OWNER_SETTINGS;

/**
 * The owner's dashboard settings in PostgreSQL, shared by every instance, with the one-row version each change bumps
 * so other instances know when to read them again. Writes take a {@code tx} so a change, its version bump and its
 * audit row commit together.
 */
public final class OwnerSettingsStore {

    /** What the owner set, at which version. */
    public record Snapshot(long version, OwnerSettings settings) {
    }

    private final DSLContext dsl;

    public OwnerSettingsStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** The version alone: the cheap check every instance makes every few seconds. 0 before any change. */
    public long version() {
        Long version = dsl.select(OWNER_SETTINGS.VERSION).from(OWNER_SETTINGS).where(OWNER_SETTINGS.ID.eq((short) 1))
                .fetchOne(OWNER_SETTINGS.VERSION);
        return version == null ? 0 : version;
    }

    public Snapshot load() {
        return dsl.transactionResult(c -> read(c.dsl(), false));
    }

    /** Inside {@code tx}, with the version row locked so concurrent changes apply one after the other. */
    Snapshot lockAndRead(DSLContext tx) {
        return read(tx, true);
    }

    private static Snapshot read(DSLContext tx, boolean lock) {
        var query = tx.selectFrom(OWNER_SETTINGS).where(OWNER_SETTINGS.ID.eq((short) 1));
        Record row = lock ? query.forUpdate().fetchOne() : query.fetchOne();
        long version = row == null ? 0 : row.get(OWNER_SETTINGS.VERSION);
        boolean blackoutsSet = row != null && row.get(OWNER_SETTINGS.BLACKOUTS_SET);
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        tx.selectFrom(OWNER_HOURS).forEach(r -> hours.put(DayOfWeek.of(r.getWeekday()), intervals(r.getIntervals())));
        List<String> blackouts = blackoutsSet ? tx.select(OWNER_BLACKOUT.DAY).from(OWNER_BLACKOUT)
                .orderBy(OWNER_BLACKOUT.DAY).fetch(r -> r.value1().toString()) : null;
        Map<String, String> faq = new HashMap<>();
        tx.selectFrom(OWNER_FAQ_ANSWER).forEach(r -> faq.put(r.getTopic(), r.getAnswer()));
        return new Snapshot(version, new OwnerSettings(hours, blackouts, faq));
    }

    private static List<String> intervals(String stored) {
        return stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(String::strip).toList();
    }

    void saveHours(DSLContext tx, Map<DayOfWeek, List<String>> hours) {
        hours.forEach((day, intervals) -> tx.insertInto(OWNER_HOURS)
                .set(OWNER_HOURS.WEEKDAY, (short) day.getValue())
                .set(OWNER_HOURS.INTERVALS, String.join(",", intervals))
                .onConflict(OWNER_HOURS.WEEKDAY).doUpdate()
                .set(OWNER_HOURS.INTERVALS, String.join(",", intervals))
                .execute());
        bump(tx, null);
    }

    void saveBlackouts(DSLContext tx, List<LocalDate> days) {
        tx.deleteFrom(OWNER_BLACKOUT).execute();
        days.forEach(d -> tx.insertInto(OWNER_BLACKOUT).set(OWNER_BLACKOUT.DAY, d).onConflictDoNothing().execute());
        bump(tx, true);
    }

    void saveFaqAnswer(DSLContext tx, String topic, String answer) {
        tx.insertInto(OWNER_FAQ_ANSWER)
                .set(OWNER_FAQ_ANSWER.TOPIC, topic)
                .set(OWNER_FAQ_ANSWER.ANSWER, answer)
                .onConflict(OWNER_FAQ_ANSWER.TOPIC).doUpdate()
                .set(OWNER_FAQ_ANSWER.ANSWER, answer)
                .execute();
        bump(tx, null);
    }

    /** Bumps the version (creating the row should a test have emptied the table); {@code blackoutsSet} if known. */
    private static void bump(DSLContext tx, Boolean blackoutsSet) {
        tx.insertInto(OWNER_SETTINGS)
                .set(OWNER_SETTINGS.ID, (short) 1)
                .set(OWNER_SETTINGS.VERSION, 1L)
                .set(OWNER_SETTINGS.BLACKOUTS_SET, blackoutsSet != null && blackoutsSet)
                .onConflict(OWNER_SETTINGS.ID).doUpdate()
                .set(OWNER_SETTINGS.VERSION, OWNER_SETTINGS.VERSION.plus(1))
                .set(OWNER_SETTINGS.BLACKOUTS_SET, blackoutsSet == null ? OWNER_SETTINGS.BLACKOUTS_SET
                        : org.jooq.impl.DSL.val(blackoutsSet))
                .execute();
    }
}

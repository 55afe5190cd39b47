package io.switchboard.scheduling.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.models.FaqEntry;
import io.switchboard.scheduling.audit.AuditLog;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.profile.OwnerSettings;
import io.switchboard.scheduling.profile.ProfileException;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The owner changing hours, blackout days or an FAQ answer. Each change is checked by the profile file's own rules
 * against the settings as they are in the database (the version row locked, so two changes at once apply one after
 * the other), then written, versioned and audited in one transaction, and in force on this instance at once.
 *
 * @throws ProfileException from every change when the result would not be a valid profile; it names the field
 */
public final class OwnerSettingsChanges {

    private final DSLContext dsl;
    private final OwnerSettingsStore store;
    private final CurrentProfile current;
    private final BusinessProfileLoader loader;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public OwnerSettingsChanges(DSLContext dsl, OwnerSettingsStore store, CurrentProfile current,
                                BusinessProfileLoader loader, AuditLog audit, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.store = Objects.requireNonNull(store, "store");
        this.current = Objects.requireNonNull(current, "current");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sets the intervals of the weekdays named (an empty list closes the day); other days are unchanged. */
    public BusinessProfile setHours(Map<DayOfWeek, List<String>> hours, String actor) {
        Map<String, List<String>> named = new TreeMap<>();
        hours.forEach((d, h) -> named.put(d.name().toLowerCase(Locale.ROOT), h));
        return change("HOURS", actor, s -> s.withHours(hours), (tx, checked) -> store.saveHours(tx, hours), named);
    }

    /** Replaces the blackout days (the file's list too: the owner may also take a day off the list). */
    public BusinessProfile setBlackouts(List<String> days, String actor) {
        return change("BLACKOUTS", actor, s -> s.withBlackouts(days),
                (tx, checked) -> store.saveBlackouts(tx, checked.blackoutDates().stream().sorted().toList()), days);
    }

    /** Sets the answer of an FAQ topic the profile file has; its keywords stay the file's. */
    public BusinessProfile setFaqAnswer(String topic, String answer, String actor) {
        int index = topicIndex(topic);
        if (index < 0) {
            throw new UnknownTopicException(topic);
        }
        return change("FAQ_ANSWER", actor, s -> s.withFaqAnswer(topic, answer),
                (tx, checked) -> store.saveFaqAnswer(tx, topic, checked.faq().get(index).answer()),
                Map.of("topic", topic, "answer", answer));
    }

    /** A topic the profile file has no FAQ entry for. */
    public static final class UnknownTopicException extends RuntimeException {
        public UnknownTopicException(String topic) {
            super("the profile has no FAQ topic '" + topic + "'");
        }
    }

    private int topicIndex(String topic) {
        List<FaqEntry> faq = current.file().faq();
        for (int i = 0; i < faq.size(); i++) {
            if (faq.get(i).topic().equals(topic)) {
                return i;
            }
        }
        return -1;
    }

    private interface Write {
        void apply(DSLContext tx, BusinessProfile checked);
    }

    private BusinessProfile change(String action, String actor, Function<OwnerSettings, OwnerSettings> edit,
                                   Write write, Object after) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            OwnerSettings before = store.lockAndRead(tx).settings();
            // Throws ProfileException, naming the field, before anything is written.
            BusinessProfile checked = loader.withOwnerSettings(current.file(), edit.apply(before));
            write.apply(tx, checked);
            audit.record(tx, clock.instant(), action, null, Channel.WEB, actor, null,
                    JSONB.valueOf(json.writeValueAsString(after)));
        });
        current.refreshNow();
        return current.get();
    }
}

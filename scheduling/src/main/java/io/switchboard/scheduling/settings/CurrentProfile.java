package io.switchboard.scheduling.settings;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.profile.OwnerSettings;
import io.switchboard.scheduling.profile.ProfileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one owner of "the business profile now": the profile file with the owner's dashboard settings applied. Every
 * reader (availability, the booking window, the dialog) asks here rather than keeping a start-up copy, so a change
 * made on any instance is in force on this one within {@link #DEFAULT_REFRESH}: at most once per interval, a read
 * of one version row decides whether the settings must be read again. A change made through this instance is in
 * force at once ({@link #refreshNow}).
 *
 * <p>Invariant: {@link #get} returns a profile that passed the file's own checks; if the stored settings ever fail
 * them (the file changed under them), or the database cannot be read, the last good profile stays in force.
 */
public final class CurrentProfile implements Supplier<BusinessProfile> {

    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(CurrentProfile.class);

    private record State(BusinessProfile profile, OwnerSettings settings, long version, Instant checkedAt) {
    }

    private final BusinessProfile file;
    private final OwnerSettingsStore store;
    private final BusinessProfileLoader loader;
    private final Clock clock;
    private final Duration refresh;
    private volatile State state;

    public CurrentProfile(BusinessProfile file, OwnerSettingsStore store, BusinessProfileLoader loader, Clock clock,
                          Duration refresh) {
        this.file = Objects.requireNonNull(file, "file");
        this.store = Objects.requireNonNull(store, "store");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.state = new State(file, OwnerSettings.NONE, -1, Instant.MIN);
    }

    /** The profile as loaded from the file, without the owner's settings. */
    public BusinessProfile file() {
        return file;
    }

    /** The owner's settings the current profile was built from. */
    public OwnerSettings settings() {
        get();
        return state.settings();
    }

    @Override
    public BusinessProfile get() {
        State s = state;
        Instant now = clock.instant();
        if (!s.checkedAt().equals(Instant.MIN) && now.isBefore(s.checkedAt().plus(refresh))) {
            return s.profile();
        }
        synchronized (this) {
            s = state;
            if (!s.checkedAt().equals(Instant.MIN) && now.isBefore(s.checkedAt().plus(refresh))) {
                return s.profile();
            }
            try {
                long version = store.version();
                state = version == s.version() ? new State(s.profile(), s.settings(), version, now) : reload(now);
            } catch (RuntimeException e) {
                // Keep answering with the last good profile; try again after the interval.
                LOG.warn("could not check the owner's settings, keeping the current profile: {}",
                        e.getClass().getName());
                state = new State(s.profile(), s.settings(), s.version(), now);
            }
            return state.profile();
        }
    }

    /** Reads the settings now: after a change through this instance, so the next reply already uses it. */
    public synchronized void refreshNow() {
        state = reload(clock.instant());
    }

    private State reload(Instant now) {
        OwnerSettingsStore.Snapshot snapshot = store.load();
        try {
            return new State(loader.withOwnerSettings(file, snapshot.settings()), snapshot.settings(),
                    snapshot.version(), now);
        } catch (ProfileException e) {
            LOG.error("the owner's settings no longer fit the profile file ({}); using the file's", e.getMessage());
            return new State(file, OwnerSettings.NONE, snapshot.version(), now);
        }
    }
}

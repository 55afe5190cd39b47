package io.switchboard.scheduling.settings;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.background.RepeatingPass;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.profile.OwnerSettings;
import io.switchboard.scheduling.profile.ProfileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one owner of "the business profile now": the profile file with the owner's dashboard settings applied. Every
 * reader (availability, the booking window, the dialog, HTTP handlers on the event loop) asks here rather than
 * keeping a start-up copy. {@link #get} is a volatile read and never touches the database; the database is read
 * once at construction, by {@link #refreshNow} after a change through this instance (so it is in force at once),
 * and by {@link #checkForChange}, which {@link #startRefreshing} runs every {@link #refreshInterval} on a thread
 * of its own, so a change made on another instance is in force here within that interval.
 *
 * <p>Invariant: {@link #get} returns a profile that passed the file's own checks; if the stored settings ever fail
 * them (the file changed under them), or the database cannot be read, the last good profile stays in force.
 */
public final class CurrentProfile implements Supplier<BusinessProfile> {

    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(CurrentProfile.class);

    /** The profile with the settings it was built from and the version row they were read at (-1: none read). */
    public record Snapshot(BusinessProfile profile, OwnerSettings settings, long version) {
    }

    private final BusinessProfile file;
    private final OwnerSettingsStore store;
    private final BusinessProfileLoader loader;
    private final Duration refresh;
    private volatile Snapshot state;

    /** Reads the owner's settings once (blocking: construct it at start-up, not on an event loop). */
    public CurrentProfile(BusinessProfile file, OwnerSettingsStore store, BusinessProfileLoader loader,
                          Duration refresh) {
        this.file = Objects.requireNonNull(file, "file");
        this.store = Objects.requireNonNull(store, "store");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive");
        }
        this.state = new Snapshot(file, OwnerSettings.NONE, -1);
        try {
            this.state = reload();
        } catch (RuntimeException e) {
            LOG.warn("could not read the owner's settings, starting from the profile file: {}",
                    e.getClass().getName());
        }
    }

    /** The profile as loaded from the file, without the owner's settings. */
    public BusinessProfile file() {
        return file;
    }

    /** The owner's settings the current profile was built from. */
    public OwnerSettings settings() {
        return state.settings();
    }

    /** The current profile and the settings it was built from, read together. */
    public Snapshot snapshot() {
        return state;
    }

    /** How often {@link #startRefreshing} checks for a change made on another instance. */
    public Duration refreshInterval() {
        return refresh;
    }

    /** The profile in force: a volatile read, safe on an event loop. */
    @Override
    public BusinessProfile get() {
        return state.profile();
    }

    /**
     * One check for a change made elsewhere: reads the version row and, only when it moved, the settings. Blocking;
     * a failure keeps the current profile (and is thrown, for the caller to log).
     */
    public synchronized void checkForChange() {
        if (store.version() != state.version()) {
            state = reload();
        }
    }

    /** Reads the settings now: after a change through this instance, so the next reply already uses it. */
    public synchronized void refreshNow() {
        state = reload();
    }

    /** Runs {@link #checkForChange} every {@link #refreshInterval} on a daemon thread until closed. */
    public RepeatingPass startRefreshing() {
        return RepeatingPass.start("profile-refresh", refresh, refresh, this::checkForChange,
                // Keep answering with the last good profile; the next pass tries again.
                e -> LOG.warn("could not check the owner's settings, keeping the current profile: {}",
                        e.getClass().getName()));
    }

    private Snapshot reload() {
        OwnerSettingsStore.Snapshot snapshot = store.load();
        try {
            return new Snapshot(loader.withOwnerSettings(file, snapshot.settings()), snapshot.settings(),
                    snapshot.version());
        } catch (ProfileException e) {
            LOG.error("the owner's settings no longer fit the profile file ({}); using the file's", e.getMessage());
            return new Snapshot(file, OwnerSettings.NONE, snapshot.version());
        }
    }
}

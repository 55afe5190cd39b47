package io.switchboard.scheduling.calendar.google;

import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.CalendarRelay;
import io.switchboard.scheduling.calendar.CalendarSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two-way Google Calendar sync as it runs in the server: the outbox relay pushes booking changes through a
 * {@link GoogleCalendarSink}, and the owner's calendar is pulled every {@code SWITCHBOARD_GOOGLE_SYNC_SECONDS} on
 * a thread of its own (both block on HTTP and JDBC). With a public URL, Google's push notifications
 * ({@link GoogleCalendarWatch}) make a pull start at once; the interval stays as the fallback, and each tick
 * renews the watch channel when it is due.
 */
public final class GoogleCalendarSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendarSync.class);
    /** How often an idle relay looks for new changes. */
    static final Duration RELAY_INTERVAL = Duration.ofSeconds(5);
    static final Duration RELAY_MAX_BACKOFF = Duration.ofMinutes(5);

    private final GoogleCalendarSink sink;
    private final CalendarRelay relay;
    private final GoogleCalendarPull pull;
    private final Optional<GoogleCalendarWatch> watch;
    private final GoogleCalendarHealth health;
    private final ScheduledExecutorService puller;
    /** A notification's pull is queued: later notifications until it starts add nothing. */
    private final AtomicBoolean pullQueued = new AtomicBoolean();

    private GoogleCalendarSync(GoogleCalendarSink sink, CalendarRelay relay, GoogleCalendarPull pull,
                               Optional<GoogleCalendarWatch> watch, GoogleCalendarHealth health,
                               ScheduledExecutorService puller) {
        this.sink = sink;
        this.relay = relay;
        this.pull = pull;
        this.watch = watch;
        this.health = health;
        this.puller = puller;
    }

    /**
     * Connects (checking the credentials and the calendar), then starts pushing and pulling.
     *
     * @param listener  told of each booking the owner cancelled or moved in the calendar, and of overlaps
     * @param publicUrl the server's public base URL; when present Google is asked to post change notifications
     * @throws GoogleCalendarSetupException naming the setting at fault
     */
    public static GoogleCalendarSync start(GoogleCalendarSettings settings, Scheduling scheduling,
                                           OwnerCalendarChanges listener, Optional<URI> publicUrl) {
        GoogleCalendarApi api = GoogleCalendarApi.connect(settings);
        GoogleCalendarHealth health = new GoogleCalendarHealth();
        GoogleCalendarSink sink = new GoogleCalendarSink(api, new AppointmentEvents(scheduling.profile()));
        GoogleCalendarPull pull = new GoogleCalendarPull(api, scheduling.database().dsl(), scheduling.clock(),
                scheduling.profile().timezone(),
                scheduling.profile().rules().bookingHorizon().plusDays(1), scheduling.appointments(),
                scheduling.bookings(), listener);
        Optional<GoogleCalendarWatch> watch = publicUrl.map(base -> new GoogleCalendarWatch(api,
                scheduling.database().dsl(), scheduling.clock(), notifyAddress(base), health));
        CalendarRelay relay = new CalendarRelay(scheduling.calendarOutbox(), sink, scheduling.clock(),
                RELAY_INTERVAL, RELAY_MAX_BACKOFF).start();
        ScheduledExecutorService puller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "google-calendar-pull");
            t.setDaemon(true);
            return t;
        });
        GoogleCalendarSync sync = new GoogleCalendarSync(sink, relay, pull, watch, health, puller);
        puller.scheduleWithFixedDelay(sync::tick, 0, settings.syncEvery().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Google Calendar sync on: pushing bookings, pulling busy time every {} s{}",
                settings.syncEvery().toSeconds(), watch.isPresent() ? " and on Google's notifications" : "");
        return sync;
    }

    /** {@code base} + {@value GoogleCalendarWatch#PATH}. */
    static URI notifyAddress(URI base) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + GoogleCalendarWatch.PATH);
    }

    /** The sink, for the shutdown sequence's last outbox flush. */
    public CalendarSink sink() {
        return sink;
    }

    public CalendarRelay relay() {
        return relay;
    }

    public GoogleCalendarPull pull() {
        return pull;
    }

    /** The watch channel's keeper, when a public URL is configured. */
    public Optional<GoogleCalendarWatch> watch() {
        return watch;
    }

    /** Whether the credentials and the calendar still work, for readiness. */
    public GoogleCalendarHealth health() {
        return health;
    }

    /** Google said the calendar changed: pull as soon as the puller is free (bursts coalesce into one pull). */
    public void notified() {
        if (pullQueued.compareAndSet(false, true)) {
            try {
                puller.execute(() -> {
                    pullQueued.set(false);
                    pullLoggingErrors();
                });
            } catch (RejectedExecutionException e) {
                pullQueued.set(false); // closing
            }
        }
    }

    private void tick() {
        watch.ifPresent(w -> {
            try {
                w.renewIfDue();
            } catch (RuntimeException e) {
                LOG.warn("Google Calendar watch renewal failed (polling continues): {}", e.toString());
            }
        });
        pullLoggingErrors();
    }

    private void pullLoggingErrors() {
        try {
            pull.pullOnce();
            health.succeeded();
        } catch (RuntimeException e) {
            // Google or the database may be down for a while; a throw would cancel the schedule.
            boolean wasFine = health.problem().isEmpty();
            health.failed(e);
            health.problem().filter(p -> wasFine).ifPresentOrElse(
                    p -> LOG.error("Google Calendar stopped working: {}", p),
                    () -> LOG.warn("Google Calendar pull failed: {}", e.toString()));
        }
    }

    @Override
    public void close() {
        puller.shutdown();
        try {
            if (!puller.awaitTermination(15, TimeUnit.SECONDS)) {
                puller.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            puller.shutdownNow();
        }
        relay.close();
    }
}

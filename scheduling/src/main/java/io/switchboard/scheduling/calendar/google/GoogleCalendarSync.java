package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.Appointment;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.CalendarRelay;
import io.switchboard.scheduling.calendar.CalendarSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Two-way Google Calendar sync as it runs in the server: the outbox relay pushes booking changes through a
 * {@link GoogleCalendarSink}, and the owner's calendar is pulled every {@code SWITCHBOARD_GOOGLE_SYNC_SECONDS} on
 * a thread of its own (both block on HTTP and JDBC).
 */
public final class GoogleCalendarSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendarSync.class);
    /** How often an idle relay looks for new changes. */
    static final Duration RELAY_INTERVAL = Duration.ofSeconds(5);
    static final Duration RELAY_MAX_BACKOFF = Duration.ofMinutes(5);

    private final GoogleCalendarSink sink;
    private final CalendarRelay relay;
    private final GoogleCalendarPull pull;
    private final ScheduledExecutorService puller;

    private GoogleCalendarSync(GoogleCalendarSink sink, CalendarRelay relay, GoogleCalendarPull pull,
                               ScheduledExecutorService puller) {
        this.sink = sink;
        this.relay = relay;
        this.pull = pull;
        this.puller = puller;
    }

    /**
     * Connects (checking the key and the calendar), then starts pushing and pulling.
     *
     * @param ownerCancelled told of each booking cancelled because the owner deleted its event
     * @throws GoogleCalendarSetupException naming the setting at fault
     */
    public static GoogleCalendarSync start(GoogleCalendarSettings settings, Scheduling scheduling,
                                           Consumer<Appointment> ownerCancelled) {
        GoogleCalendarApi api = GoogleCalendarApi.connect(settings);
        GoogleCalendarSink sink = new GoogleCalendarSink(api, new AppointmentEvents(scheduling.profile()));
        GoogleCalendarPull pull = new GoogleCalendarPull(api, scheduling.database().dsl(), scheduling.clock(),
                scheduling.profile().timezone(),
                scheduling.profile().rules().bookingHorizon().plusDays(1), scheduling.appointments(),
                scheduling.bookings(), ownerCancelled);
        CalendarRelay relay = new CalendarRelay(scheduling.calendarOutbox(), sink, scheduling.clock(),
                RELAY_INTERVAL, RELAY_MAX_BACKOFF).start();
        ScheduledExecutorService puller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "google-calendar-pull");
            t.setDaemon(true);
            return t;
        });
        GoogleCalendarSync sync = new GoogleCalendarSync(sink, relay, pull, puller);
        puller.scheduleWithFixedDelay(sync::pullLoggingErrors, 0, settings.syncEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Google Calendar sync on: pushing bookings, pulling busy time every {} s",
                settings.syncEvery().toSeconds());
        return sync;
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

    private void pullLoggingErrors() {
        try {
            pull.pullOnce();
        } catch (RuntimeException e) {
            // Google or the database may be down for a while; a throw would cancel the schedule.
            LOG.warn("Google Calendar pull failed: {}", e.toString());
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

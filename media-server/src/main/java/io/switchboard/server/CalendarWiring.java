package io.switchboard.server;

import io.micrometer.core.instrument.Gauge;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.CalendarRelay;
import io.switchboard.scheduling.calendar.CalendarSink;
import io.switchboard.scheduling.calendar.calcom.CalcomApi;
import io.switchboard.scheduling.calendar.calcom.CalcomBookings;
import io.switchboard.scheduling.calendar.calcom.CalcomCalendar;
import io.switchboard.scheduling.calendar.calcom.CalcomCancelSink;
import io.switchboard.scheduling.calendar.calcom.CalcomChanges;
import io.switchboard.scheduling.calendar.calcom.CalcomSettings;
import io.switchboard.scheduling.calendar.calcom.CalcomSetupException;
import io.switchboard.scheduling.calendar.calcom.CalcomSignature;
import io.switchboard.scheduling.calendar.calcom.CalcomWebhook;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSetupException;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSync;
import io.switchboard.scheduling.database.Database;
import io.switchboard.telephony.http.CalcomWebhookRoute;
import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.messaging.TextChannels;
import io.switchboard.telephony.metrics.PrometheusMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The server's calendars, from the {@link CalendarSettings}: Cal.com behind the booking seam, or Google Calendar's
 * two-way sync, or the webhook mirror, each relaying the one outbox (the settings allow only one of them), and
 * Cal.com's webhook bringing changes made there back.
 */
final class CalendarWiring {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarWiring.class);

    private final CalendarSettings settings;
    private final Optional<CalcomCalendar> calcom;
    private final Scheduling scheduling;
    private final TextChannels text;
    private final Clock clock;
    private final PrometheusMetrics metrics;
    private final Closers closers;
    /** Where the sink of the running relay goes, for the shutdown's last outbox flush. */
    private final Consumer<CalendarSink> sinks;
    private volatile GoogleCalendarSync google;

    CalendarWiring(CalendarSettings settings, Optional<CalcomCalendar> calcom, Scheduling scheduling,
                   TextChannels text, Clock clock, PrometheusMetrics metrics, Closers closers,
                   Consumer<CalendarSink> sinks) {
        this.settings = settings;
        this.calcom = calcom;
        this.scheduling = scheduling;
        this.text = text;
        this.clock = clock;
        this.metrics = metrics;
        this.closers = closers;
        this.sinks = sinks;
    }

    /** Cal.com behind the booking seam when {@code SWITCHBOARD_CALENDAR=calcom}. */
    static Optional<CalcomCalendar> calcom(CalendarSettings calendar, BusinessProfile profile, Clock clock,
                                                   Database database) {
        try {
            return calendar.calcom().map(s -> s.requireServicesOf(profile)).map(s -> {
                LOG.info("Cal.com is the calendar: {}", s);
                return new CalcomCalendar(s, new CalcomApi(s), new CalcomBookings(database.dsl()), clock,
                        profile.timezone());
            });
        } catch (CalcomSetupException e) {
            throw new ConfigException(e.setting(), e.getMessage().substring(e.setting().length() + 2), e);
        }
    }

    /** The running Google sync, or null while it is off or not started. */
    GoogleCalendarSync google() {
        return google;
    }

    /** Starts the relay of the outbox to the one configured calendar, if any. */
    synchronized Optional<CalendarRelay> startRelay() {
        Optional<CalendarSyncSettings> webhook = settings.webhook();
        if (calcom.isPresent()) {
            return Optional.of(startCalcomRelay());
        }
        Optional<GoogleCalendarSync> sync = startGoogleCalendar();
        if (sync.isPresent()) {
            return Optional.of(sync.get().relay());
        }
        if (webhook.isEmpty()) {
            LOG.info("calendar sync off: set {} to mirror bookings; changes wait in the outbox",
                    CalendarSyncSettings.WEBHOOK_URL);
            return Optional.empty();
        }
        CalendarRelay relay = webhook.get().relay(scheduling.calendarOutbox(), clock).start();
        closers.push("calendar relay", relay::close);
        return Optional.of(relay);
    }

    /**
     * Cancellations reach Cal.com through the outbox (bookings and moves were accepted there synchronously). The
     * settings let no other calendar share the outbox with it.
     */
    private CalendarRelay startCalcomRelay() {
        CalcomCalendar c = calcom.orElseThrow();
        CalcomCancelSink sink = c.cancelSink();
        CalendarRelay relay = new CalendarRelay(scheduling.calendarOutbox(), sink, clock, Duration.ofSeconds(5),
                Duration.ofMinutes(5)).start();
        closers.push("Cal.com relay", relay::close);
        sinks.accept(sink);
        return relay;
    }

    /**
     * {@code POST /calcom/webhook} when Cal.com is the calendar and {@code CALCOM_WEBHOOK_SECRET} is set: changes
     * made in Cal.com reach the booking, and a customer whose booking was cancelled or moved there is texted.
     */
    Optional<CalcomWebhookRoute> calcomWebhook(ControlPlane plane) {
        if (calcom.isEmpty()) {
            return Optional.empty();
        }
        CalcomCalendar c = calcom.get();
        if (c.settings().webhookSecret().isEmpty()) {
            LOG.info("Cal.com webhook off: set {} to bring changes made in Cal.com back", CalcomSettings.WEBHOOK_SECRET);
            return Optional.empty();
        }
        Optional<io.switchboard.telephony.outbound.OutboundMessenger> sms =
                text.smsEnabled() ? Optional.of(text.outbound()) : Optional.empty();
        CalcomChanges changes = new OwnerChangeTexts(sms, scheduling.profile().name(), scheduling.profile().timezone());
        CalcomWebhook webhook = new CalcomWebhook(new CalcomSignature(c.settings().webhookSecret()), c.bookings(),
                scheduling.appointments(), scheduling.bookings(), changes, clock, scheduling.profile().timezone(),
                c.slots());
        return Optional.of(new CalcomWebhookRoute(webhook::handle, plane.workers()));
    }

    /**
     * Two-way Google Calendar sync when {@code SWITCHBOARD_GOOGLE_*} is set: pushes the outbox, pulls the owner's
     * busy time, and texts a customer whose booking the owner deleted from the calendar.
     */
    private Optional<GoogleCalendarSync> startGoogleCalendar() {
        try {
            Optional<GoogleCalendarSettings> configured = settings.google();
            if (configured.isEmpty()) {
                return Optional.empty();
            }
            OwnerCalendarTexts texts = new OwnerCalendarTexts(
                    text.smsEnabled() ? Optional.of(text.outbound()) : Optional.empty(),
                    scheduling.profile().name(), scheduling.phones().toE164(scheduling.profile().owner().phone()),
                    scheduling.profile().timezone());
            GoogleCalendarSync sync = GoogleCalendarSync.start(configured.get(), scheduling, texts,
                    settings.publicUrl());
            closers.push("Google Calendar sync", sync::close);
            google = sync;
            sinks.accept(sync.sink());
            Gauge.builder("switchboard.calendar.parked", scheduling.calendarOutbox(), o -> o.parked())
                    .description("calendar changes that failed repeatedly and wait to be retried")
                    .register(metrics.metrics().registry());
            return Optional.of(sync);
        } catch (GoogleCalendarSetupException e) {
            throw new ConfigException(e.setting(), e.getMessage().substring(e.setting().length() + 2), e);
        }
    }
}

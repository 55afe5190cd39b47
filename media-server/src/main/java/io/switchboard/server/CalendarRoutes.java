package io.switchboard.server;

import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.IcsFeed;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSync;
import io.switchboard.telephony.http.CalendarFeedRoute;
import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.http.GoogleCalendarNotifyRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import io.switchboard.models.settings.SettingsSource;
import java.util.Optional;

/**
 * The calendar's HTTP side: Google's change notifications ({@code POST /google/calendar/notify}, with a public
 * URL), readiness checks that name the Google setting that stopped working, and the iCalendar feed
 * ({@code GET /calendar/<token>.ics}, with {@code SWITCHBOARD_ICS_TOKEN}).
 */
final class CalendarRoutes {

    static final String PUBLIC_URL = "SWITCHBOARD_PUBLIC_URL";
    private static final Logger LOG = LoggerFactory.getLogger(CalendarRoutes.class);

    private CalendarRoutes() {
    }

    /** The public base URL Google can post notifications to, if configured. */
    static Optional<URI> publicUrl(SettingsSource source) {
        String raw = source.getOrDefault(PUBLIC_URL, "").strip();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(raw);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not absolute");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PUBLIC_URL, "not an http(s) URL", e);
        }
    }

    /**
     * @param icsToken the iCalendar feed's token, when it is on
     * @param google   the running Google sync, or null when it is off
     */
    static void mount(ControlPlane plane, Optional<String> icsToken, Scheduling scheduling, GoogleCalendarSync google) {
        if (google != null) {
            // Named after the setting to fix: a revoked token or an unshared calendar turns readiness false.
            plane.readinessCheck("google calendar " + GoogleCalendarSettings.CREDENTIALS,
                    () -> google.health().fine(GoogleCalendarSettings.CREDENTIALS));
            plane.readinessCheck("google calendar " + GoogleCalendarSettings.CALENDAR_ID,
                    () -> google.health().fine(GoogleCalendarSettings.CALENDAR_ID));
            google.watch().ifPresent(watch -> plane.mount(
                    new GoogleCalendarNotifyRoute(watch, google::notified, plane.workers())::mount));
        }
        Optional<IcsFeed> feed = icsToken.map(token -> new IcsFeed(scheduling.profile(), scheduling.appointments(),
                scheduling.clock(), token));
        feed.ifPresent(f -> {
            plane.mount(new CalendarFeedRoute(f, plane.workers())::mount);
            LOG.info("iCalendar feed on at /calendar/<{}>.ics", IcsFeed.TOKEN);
        });
    }
}

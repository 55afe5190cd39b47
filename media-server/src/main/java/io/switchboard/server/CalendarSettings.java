package io.switchboard.server;

import io.switchboard.scheduling.calendar.calcom.CalcomSettings;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The calendar side of the {@link Settings}: at most one calendar takes the outbox (Cal.com, Google Calendar or
 * the webhook mirror), plus the read-only iCalendar feed.
 *
 * @param calcom    Cal.com as the calendar ({@code SWITCHBOARD_CALENDAR=calcom}, {@code CALCOM_*})
 * @param google    Google Calendar two-way sync ({@code SWITCHBOARD_GOOGLE_*})
 * @param webhook   the webhook mirror ({@code SWITCHBOARD_CALENDAR_WEBHOOK_*})
 * @param icsToken  the feed's secret token ({@code SWITCHBOARD_ICS_TOKEN})
 * @param publicUrl where Google can post change notifications ({@code SWITCHBOARD_PUBLIC_URL})
 */
public record CalendarSettings(Optional<CalcomSettings> calcom, Optional<GoogleCalendarSettings> google,
                               Optional<CalendarSyncSettings> webhook, Optional<String> icsToken,
                               Optional<URI> publicUrl) {

    public CalendarSettings {
        Objects.requireNonNull(calcom, "calcom");
        Objects.requireNonNull(google, "google");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(icsToken, "icsToken");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }

    @Override
    public String toString() {
        // The feed token is a secret: say only whether it is set.
        return "CalendarSettings[calcom=" + calcom.isPresent() + ", google=" + google.isPresent()
                + ", webhook=" + webhook.isPresent() + ", icsFeed=" + icsToken.isPresent() + "]";
    }
}

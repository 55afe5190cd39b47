package io.switchboard.scheduling.calendar;

import io.switchboard.models.settings.SettingsSource;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import io.switchboard.models.Appointment;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.booking.AppointmentStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The bookings as a read-only iCalendar feed (RFC 5545, written by biweekly) for owners on Apple or Outlook
 * calendars, served at a secret URL ({@code /calendar/<token>.ics}): the last {@link #PAST} and everything booked
 * ahead. Each booking is one event whose UID comes from the appointment id, so a subscribed calendar updates a
 * moved booking in place and drops a cancelled one on its next refresh.
 */
public final class IcsFeed {

    /** {@code SWITCHBOARD_ICS_TOKEN}: the secret part of the feed's URL; the feed is off while it is unset. */
    public static final String TOKEN = "SWITCHBOARD_ICS_TOKEN";
    /** Long enough that guessing is hopeless (a 128-bit hex or base64url string qualifies). */
    public static final int MIN_TOKEN_CHARS = 24;
    static final Duration PAST = Duration.ofDays(30);

    private final BusinessProfile profile;
    private final AppointmentStore appointments;
    private final Clock clock;
    private final byte[] token;

    public IcsFeed(BusinessProfile profile, AppointmentStore appointments, Clock clock, String token) {
        this.profile = profile;
        this.appointments = appointments;
        this.clock = clock;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The feed's token, when {@value #TOKEN} is set; the feed is built from it once the appointments are open.
     *
     * @throws IllegalArgumentException naming {@value #TOKEN} when the token is too short or not URL-safe (the
     *                                  message never repeats it)
     */
    public static Optional<String> tokenFrom(SettingsSource source) {
        String raw = source.getOrDefault(TOKEN, "").strip();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.length() < MIN_TOKEN_CHARS || !raw.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(TOKEN + ": at least " + MIN_TOKEN_CHARS
                    + " letters, digits, '-' or '_' (e.g. openssl rand -hex 16)");
        }
        return Optional.of(raw);
    }

    /** Whether {@code candidate} is the feed's token, compared in constant time. */
    public boolean accepts(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The feed's text. Blocking (reads the database). */
    public String render() {
        Instant now = clock.instant();
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Switchboard//Bookings//EN");
        ical.setName(profile.name() + " bookings");
        ical.addExperimentalProperty("X-WR-CALNAME", profile.name() + " bookings");
        ical.addExperimentalProperty("X-WR-TIMEZONE", profile.timezone().getId());
        ical.setRefreshInterval(new biweekly.util.Duration.Builder().minutes(15).build());
        Instant until = now.plus(profile.rules().bookingHorizon()).plus(Duration.ofDays(1));
        for (Appointment a : appointments.startingBetween(now.minus(PAST), until)) {
            if (a.status() == AppointmentStatus.BOOKED) {
                ical.addEvent(event(a, now));
            }
        }
        return Biweekly.write(ical).go();
    }

    private VEvent event(Appointment a, Instant now) {
        String service = profile.service(a.serviceId()).map(ServiceType::name).orElse(a.serviceId());
        String customer = a.customer().name() == null ? "" : a.customer().name().strip();
        VEvent e = new VEvent();
        e.setUid(a.id() + "@switchboard");
        e.setDateTimeStamp(Date.from(now));
        e.setSummary(profile.name() + " – " + service + (customer.isEmpty() ? "" : " – " + customer));
        e.setDateStart(Date.from(a.slot().start().toInstant()));
        e.setDateEnd(Date.from(a.slot().end().toInstant()));
        if (a.address() != null && !a.address().isBlank()) {
            e.setLocation(a.address());
        }
        StringBuilder d = new StringBuilder();
        if (a.problem() != null && !a.problem().isBlank()) {
            d.append("Problem: ").append(a.problem()).append('\n');
        }
        d.append("Emergency: ").append(a.emergency() ? "YES" : "no").append('\n');
        d.append("Caller: ").append(a.customer().phone());
        e.setDescription(d.toString());
        e.setStatus(Status.confirmed());
        return e;
    }
}

package io.switchboard.scheduling.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.scheduling.db.Tables.CALENDAR_SYNC_STATE;
import static io.switchboard.scheduling.db.Tables.CALENDAR_WATCH;

/**
 * Google's push notifications for the events collection: a watch channel whose address is
 * {@code SWITCHBOARD_PUBLIC_URL} + {@value #PATH}, carrying a random token that every notification must echo.
 * The channel (id, resource and token) is kept in {@code calendar_watch}, so every instance of a cluster can check a
 * notification and a restart keeps the channel. Channels expire; {@link #renewIfDue()} opens the next one
 * {@link #RENEW_BEFORE} before the current one ends (by the injected clock) and stops the old one. One instance
 * renews at a time (the calendar's {@code calendar_sync_state} row is locked, as for a pull).
 */
public final class GoogleCalendarWatch {

    /** Where Google posts notifications. */
    public static final String PATH = "/google/calendar/notify";
    /** What Switchboard asks for; Google may grant less (a week at most for events). */
    static final Duration REQUESTED_TTL = Duration.ofDays(7);
    static final Duration RENEW_BEFORE = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(GoogleCalendarWatch.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Calendar calendar;
    private final String calendarId;
    private final DSLContext dsl;
    private final Clock clock;
    private final URI address;
    private final GoogleCalendarHealth health;

    /** @param address the full notification URL Google is to post to */
    public GoogleCalendarWatch(GoogleCalendarApi api, DSLContext dsl, Clock clock, URI address,
                               GoogleCalendarHealth health) {
        this.calendar = api.client();
        this.calendarId = api.calendarId();
        this.dsl = dsl;
        this.clock = clock;
        this.address = address;
        this.health = health;
    }

    /**
     * Opens a channel when there is none, it points elsewhere, or it ends within {@link #RENEW_BEFORE}.
     *
     * @return the channel opened, or empty when the current one is good (or another instance is renewing)
     * @throws UncheckedIOException when Google refused or could not be reached (the next tick tries again)
     */
    public Optional<WatchChannel> renewIfDue() {
        return dsl.transactionResult(cfg -> renew(DSL.using(cfg)));
    }

    private Optional<WatchChannel> renew(DSLContext tx) {
        tx.insertInto(CALENDAR_SYNC_STATE).set(CALENDAR_SYNC_STATE.CALENDAR_ID, calendarId)
                .onConflictDoNothing().execute();
        if (tx.selectFrom(CALENDAR_SYNC_STATE).where(CALENDAR_SYNC_STATE.CALENDAR_ID.eq(calendarId))
                .forUpdate().skipLocked().fetchOptional().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<WatchChannel> current = current(tx);
        if (current.isPresent() && current.get().address().equals(address.toString())
                && current.get().expiresAt().minus(RENEW_BEFORE).isAfter(now)) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Channel granted;
        try {
            granted = calendar.events().watch(calendarId, new Channel()
                    .setId(id).setType("web_hook").setAddress(address.toString()).setToken(token)
                    .setExpiration(now.plus(REQUESTED_TTL).toEpochMilli())).execute();
            health.succeeded();
        } catch (IOException e) {
            health.failed(e);
            throw new UncheckedIOException("Google Calendar watch failed", e);
        }
        Instant expires = granted.getExpiration() == null ? now.plus(REQUESTED_TTL)
                : Instant.ofEpochMilli(granted.getExpiration());
        WatchChannel opened = new WatchChannel(id, granted.getResourceId() == null ? "" : granted.getResourceId(),
                token, address.toString(), expires);
        tx.insertInto(CALENDAR_WATCH)
                .set(CALENDAR_WATCH.CALENDAR_ID, calendarId)
                .set(CALENDAR_WATCH.CHANNEL_ID, opened.id())
                .set(CALENDAR_WATCH.RESOURCE_ID, opened.resourceId())
                .set(CALENDAR_WATCH.TOKEN, opened.token())
                .set(CALENDAR_WATCH.ADDRESS, opened.address())
                .set(CALENDAR_WATCH.EXPIRES_AT, expires.atOffset(ZoneOffset.UTC))
                .set(CALENDAR_WATCH.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(CALENDAR_WATCH.CALENDAR_ID).doUpdate()
                .set(CALENDAR_WATCH.CHANNEL_ID, opened.id())
                .set(CALENDAR_WATCH.RESOURCE_ID, opened.resourceId())
                .set(CALENDAR_WATCH.TOKEN, opened.token())
                .set(CALENDAR_WATCH.ADDRESS, opened.address())
                .set(CALENDAR_WATCH.EXPIRES_AT, expires.atOffset(ZoneOffset.UTC))
                .set(CALENDAR_WATCH.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        current.ifPresent(this::stop);
        LOG.info("Google Calendar push notifications on until {} (channel {})", expires, id);
        return Optional.of(opened);
    }

    /**
     * Whether a notification comes from the current channel: its channel id matches and its token matches in
     * constant time. A blocking database read: call from a worker thread.
     */
    public boolean accepts(String channelId, String token) {
        if (channelId == null || token == null) {
            return false;
        }
        Optional<WatchChannel> current = current(dsl);
        if (current.isEmpty()) {
            return false;
        }
        boolean tokenOk = MessageDigest.isEqual(current.get().token().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return tokenOk & current.get().id().equals(channelId);
    }

    /** The stored channel, if any. */
    public Optional<WatchChannel> current() {
        return current(dsl);
    }

    private Optional<WatchChannel> current(DSLContext ctx) {
        return ctx.selectFrom(CALENDAR_WATCH).where(CALENDAR_WATCH.CALENDAR_ID.eq(calendarId))
                .fetchOptional(r -> new WatchChannel(r.getChannelId(), r.getResourceId(), r.getToken(),
                        r.getAddress(), r.getExpiresAt().toInstant()));
    }

    /** Best effort: an old channel left open only posts notifications that fail the token check, then expires. */
    private void stop(WatchChannel old) {
        try {
            calendar.channels().stop(new Channel().setId(old.id()).setResourceId(old.resourceId())).execute();
        } catch (GoogleJsonResponseException e) {
            LOG.debug("stopping old watch channel: HTTP {}", e.getStatusCode());
        } catch (IOException e) {
            LOG.info("could not stop the old watch channel ({}); it expires by itself", e.getClass().getSimpleName());
        }
    }

    /**
     * @param token     the secret notifications carry in {@code X-Goog-Channel-Token}
     * @param expiresAt when Google stops posting to it
     */
    public record WatchChannel(String id, String resourceId, String token, String address, Instant expiresAt) {
        @Override
        public String toString() {
            return "WatchChannel[" + id + " until " + expiresAt + "]"; // never the token
        }
    }
}

package io.switchboard.telephony.security;

import static io.switchboard.scheduling.db.Tables.ADMIN_SESSION;
import static io.switchboard.scheduling.db.Tables.SOFTPHONE_TICKET;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The owner dashboard's sessions in PostgreSQL ({@code admin_session}), so a session opened on one instance works on
 * every other. A session id is 32 random bytes; the browser keeps it in a cookie and only its SHA-256 is stored.
 * Each session has its own CSRF token. Softphone tickets ({@code softphone_ticket}) are single-use and short-lived,
 * taken by a session to open the media WebSocket. Blocking JDBC: call from worker threads.
 */
public final class AdminSessions {

    /** How long a sign-in lasts. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** How long a softphone ticket may wait before it is used. */
    public static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

    /** A signed-in session: its id is for the cookie only, never logged or stored. */
    public record Opened(String id, String csrfToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Opened[expires " + expiresAt + "]";
        }
    }

    /** A stored session found by its cookie. */
    public record Session(String idHash, String csrfToken, Instant expiresAt) {
        /** Constant-time comparison with the token a request presented. */
        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[expires " + expiresAt + "]";
        }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final SecureRandom random;

    public AdminSessions(DSLContext dsl, Clock clock, SecureRandom random) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Opens a session (the caller has checked the admin token). */
    public Opened open() {
        String id = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        dsl.insertInto(ADMIN_SESSION)
                .set(ADMIN_SESSION.ID_HASH, hash(id))
                .set(ADMIN_SESSION.CSRF_TOKEN, csrf)
                .set(ADMIN_SESSION.CREATED_AT, utc(now))
                .set(ADMIN_SESSION.EXPIRES_AT, utc(expires))
                .execute();
        return new Opened(id, csrf, expires);
    }

    /** The live session with this cookie value, if any. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        return dsl.selectFrom(ADMIN_SESSION)
                .where(ADMIN_SESSION.ID_HASH.eq(hash(id)))
                .and(ADMIN_SESSION.EXPIRES_AT.gt(utc(clock.instant())))
                .fetchOptional(r -> new Session(r.getIdHash(), r.getCsrfToken(), r.getExpiresAt().toInstant()));
    }

    /** Signs out: the cookie opens nothing from now on, on any instance. */
    public void close(String id) {
        if (id != null) {
            dsl.deleteFrom(ADMIN_SESSION).where(ADMIN_SESSION.ID_HASH.eq(hash(id))).execute();
        }
    }

    /** A single-use softphone ticket for this session, valid {@link #TICKET_LIFETIME}. */
    public String ticket(Session session) {
        String ticket = randomToken();
        dsl.insertInto(SOFTPHONE_TICKET)
                .set(SOFTPHONE_TICKET.TICKET_HASH, hash(ticket))
                .set(SOFTPHONE_TICKET.SESSION_ID_HASH, session.idHash())
                .set(SOFTPHONE_TICKET.EXPIRES_AT, utc(clock.instant().plus(TICKET_LIFETIME)))
                .execute();
        return ticket;
    }

    /** True exactly once for a ticket that is unexpired and whose session is still signed in. */
    public boolean claimTicket(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 100) {
            return false;
        }
        OffsetDateTime now = utc(clock.instant());
        return dsl.update(SOFTPHONE_TICKET)
                .set(SOFTPHONE_TICKET.USED_AT, now)
                .where(SOFTPHONE_TICKET.TICKET_HASH.eq(hash(ticket)))
                .and(SOFTPHONE_TICKET.USED_AT.isNull())
                .and(SOFTPHONE_TICKET.EXPIRES_AT.gt(now))
                .andExists(dsl.selectOne().from(ADMIN_SESSION)
                        .where(ADMIN_SESSION.ID_HASH.eq(SOFTPHONE_TICKET.SESSION_ID_HASH))
                        .and(ADMIN_SESSION.EXPIRES_AT.gt(now)))
                .execute() == 1;
    }

    /** Deletes expired sessions (and, by cascade, their tickets); returns how many. */
    public int pruneExpired() {
        return dsl.deleteFrom(ADMIN_SESSION).where(ADMIN_SESSION.EXPIRES_AT.le(utc(clock.instant()))).execute();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

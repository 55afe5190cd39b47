package io.switchboard.telephony.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.switchboard.models.LogSafe;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Slack user is an admin or owner of the workspace, from the Web API's {@code users.info}. Answers are kept
 * for {@link #KEEP} (from the injected clock) so a conversation does not ask Slack on every message; a demoted admin
 * loses the mapping within that time. A failed look-up counts as "not an admin" and is not kept: owner access fails
 * closed. Deactivated users, bots, guests and users of another workspace are never admins here. Blocking.
 */
final class SlackWorkspaceAdmins {

    static final Duration KEEP = Duration.ofMinutes(10);
    /** Beyond this many users the answers are dropped and asked again: memory stays bounded whatever is sent. */
    static final int MAX_KEPT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkspaceAdmins.class);

    private record Answer(boolean admin, Instant until) {
    }

    private final MethodsClient client;
    private final Clock clock;
    private final Map<String, Answer> kept = new HashMap<>();

    SlackWorkspaceAdmins(MethodsClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code userId} of workspace {@code teamId} is one of its admins or owners. */
    boolean isAdmin(String teamId, String userId) {
        String key = teamId + ":" + userId;
        Instant now = clock.instant();
        synchronized (kept) {
            Answer a = kept.get(key);
            if (a != null && now.isBefore(a.until())) {
                return a.admin();
            }
        }
        Boolean admin = lookUp(teamId, userId);
        if (admin == null) {
            return false;
        }
        synchronized (kept) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, new Answer(admin, now.plus(KEEP)));
        }
        return admin;
    }

    /** Slack's answer, or null when it gave none. */
    private Boolean lookUp(String teamId, String userId) {
        try {
            UsersInfoResponse r = client.usersInfo(req -> req.user(userId));
            if (!r.isOk() || r.getUser() == null) {
                LOG.warn("slack users.info refused: {} (the bot token needs users:read for {})",
                        LogSafe.escape(r.getError()), SlackOwnerMapping.OWNER_ADMINS);
                return null;
            }
            User u = r.getUser();
            boolean sameTeam = teamId.isEmpty() || u.getTeamId() == null || teamId.equals(u.getTeamId());
            return sameTeam && (u.isAdmin() || u.isOwner()) && !u.isDeleted() && !u.isBot() && !u.isRestricted()
                    && !u.isUltraRestricted();
        } catch (IOException | SlackApiException e) {
            LOG.warn("slack users.info failed: {}", e.getClass().getName());
            return null;
        }
    }
}

package io.switchboard.telephony.slack;

import java.util.LinkedHashSet;
import io.switchboard.models.settings.SettingsSource;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Slack users speak as the business owner. Being mapped opens nothing by itself: the owner briefing still asks
 * for the owner's PIN, as on every channel, and wrong PINs count towards the owner's lockout.
 *
 * @param userIds         Slack user ids named by the operator ({@value #OWNER_USER_IDS})
 * @param workspaceAdmins also the workspace's admins and owners, as Slack's {@code users.info} reports them
 *                        ({@value #OWNER_ADMINS}; the bot token needs {@code users:read})
 */
public record SlackOwnerMapping(Set<String> userIds, boolean workspaceAdmins) {

    public static final String OWNER_USER_IDS = "SLACK_OWNER_USER_IDS";
    public static final String OWNER_ADMINS = "SLACK_OWNER_ADMINS";
    /** Nobody speaks as the owner in Slack. */
    public static final SlackOwnerMapping NONE = new SlackOwnerMapping(Set.of(), false);
    /** Slack user ids: {@code U…} in a workspace, {@code W…} across an Enterprise Grid. */
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    public SlackOwnerMapping {
        userIds = Set.copyOf(userIds);
        for (String id : userIds) {
            if (!USER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(OWNER_USER_IDS + " holds something that is not a Slack user id "
                        + "(U… or W…, as in the member's profile under \"Copy member ID\")");
            }
        }
    }

    /** Whether anyone can be mapped at all. */
    public boolean any() {
        return workspaceAdmins || !userIds.isEmpty();
    }

    /** @throws IllegalArgumentException naming the variable when a value is unusable */
    public static SlackOwnerMapping from(SettingsSource env) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : env.getOrDefault(OWNER_USER_IDS, "").split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        String admins = env.getOrDefault(OWNER_ADMINS, "").strip().toLowerCase(Locale.ROOT);
        if (!admins.isEmpty() && !admins.equals("true") && !admins.equals("false")) {
            throw new IllegalArgumentException(OWNER_ADMINS + " must be true or false");
        }
        return new SlackOwnerMapping(ids, admins.equals("true"));
    }
}

package io.switchboard.telephony.slack;

import java.util.Objects;

/**
 * One thing a Slack user did that the receptionist answers: a direct message, a mention, or a button press.
 *
 * @param eventKey  Slack's id of it (the event id, or the action's timestamp for a button): a retry has the same
 * @param teamId    the workspace
 * @param userId    who did it: the conversation is theirs
 * @param channelId where to answer (the DM or the channel of the mention)
 * @param text      what they wrote, or the value of the button they pressed
 */
public record SlackTurn(String eventKey, String teamId, String userId, String channelId, String text) {

    public SlackTurn {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channelId, "channelId");
        teamId = teamId == null ? "" : teamId;
        text = text == null ? "" : text;
    }

    /** The conversation's session id: one per Slack user per workspace. */
    public String sessionId() {
        return teamId.isEmpty() ? userId : teamId + ":" + userId;
    }
}

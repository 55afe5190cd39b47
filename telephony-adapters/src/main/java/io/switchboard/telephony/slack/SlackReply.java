package io.switchboard.telephony.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Optional;

/**
 * What to post back for one {@link SlackTurn}.
 *
 * @param text    the reply (also Slack's notification text when {@code blocks} are given)
 * @param blocks  Block Kit blocks: the reply with buttons for the offered slots or the confirmation; empty for plain
 * @param handOff the line for the staff channel when the conversation asked for a person, else empty
 */
public record SlackReply(String text, List<LayoutBlock> blocks, Optional<String> handOff) {

    public SlackReply {
        blocks = List.copyOf(blocks);
    }
}

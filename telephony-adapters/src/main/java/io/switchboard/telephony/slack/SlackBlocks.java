package io.switchboard.telephony.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reply as Block Kit: the text, then buttons when the reply offers slots ("Tue 14:00", "Wed 09:00") or asks a
 * yes/no question. A button's value is what the user could have typed ("option 2", "yes"), so a press goes through
 * the engine as a turn like any other and the backend rules are the same.
 */
public final class SlackBlocks {

    /** Action ids of our buttons start with this; {@link SlackApp} takes presses of these only. */
    public static final String ACTION_PREFIX = "switchboard_";
    /** Slack shows at most 25 elements in an actions block; more choices than this would not help anyone. */
    static final int MAX_OFFER_BUTTONS = 5;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);

    private final ZoneId zone;

    public SlackBlocks(ZoneId zone) {
        this.zone = zone;
    }

    /** Blocks for {@code result}, or none when a plain text message says it all. */
    public List<LayoutBlock> of(TurnResult result) {
        Expectation x = result.expecting() == null ? Expectation.NONE : result.expecting();
        List<BlockElement> buttons = new ArrayList<>();
        if (x.is(Expectation.Slot.SLOT_CHOICE) || !x.offers().isEmpty()) {
            List<ZonedDateTime> offers = x.offers();
            for (int i = 0; i < Math.min(offers.size(), MAX_OFFER_BUTTONS); i++) {
                String label = LABEL.format(offers.get(i).withZoneSameInstant(zone));
                String value = "option " + (i + 1);
                String id = ACTION_PREFIX + "slot_" + i;
                buttons.add(button(b -> b.actionId(id).text(plainText(label)).value(value)));
            }
        } else if (x.is(Expectation.Slot.YES_NO)) {
            buttons.add(button(b -> b.actionId(ACTION_PREFIX + "yes").text(plainText("Yes")).value("yes")
                    .style("primary")));
            buttons.add(button(b -> b.actionId(ACTION_PREFIX + "no").text(plainText("No")).value("no")));
        }
        if (buttons.isEmpty()) {
            return List.of();
        }
        return List.of(section(s -> s.text(plainText(result.reply()))), actions(a -> a.elements(buttons)));
    }
}

package io.switchboard.dialog.knowledge;

import io.switchboard.models.Intent;

import java.util.List;
import java.util.Map;

/**
 * A few sentences for each intent the back-off may name. Yes, no, cancel and reschedule are left out on purpose:
 * read by similarity they could confirm, drop or move a booking ("move my booking" scores closer to "cancel my
 * appointment" than to "change my booking"); those stay with the rules and the LLM.
 */
final class IntentExamples {

    private IntentExamples() {
    }

    static final Map<Intent, List<String>> EXAMPLES = Map.of(
            Intent.BOOK, List.of("I'd like to book an appointment", "can someone come and have a look",
                    "I need somebody to sort it out", "when can you fit me in"),
            Intent.HUMAN, List.of("can I speak to a real person", "let me talk to the owner",
                    "I'd rather speak to someone"),
            Intent.GOODBYE, List.of("that's all, thanks, bye", "no that's everything, goodbye"));
}

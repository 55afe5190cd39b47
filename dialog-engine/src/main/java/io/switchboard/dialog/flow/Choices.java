package io.switchboard.dialog.flow;

import io.switchboard.dialog.understanding.TimePreference;

import java.time.ZonedDateTime;
import java.util.List;

/** Which offered option a reply picks, when the reply is consistent about it. */
final class Choices {

    private Choices() {
    }

    /**
     * The index of the picked option, or null. A stated clock time wins over a position: "3pm" after options at
     * 12:00, 12:30 and 13:00 is a new time, not "option three".
     */
    static Integer consistent(Heard h, List<ZonedDateTime> offered) {
        Integer choice = h.choice();
        if (choice == null || choice < 0 || choice >= offered.size()) {
            return null;
        }
        for (TimePreference p : h.times()) {
            if (p.time() != null && !p.time().equals(offered.get(choice).toLocalTime())) {
                return null;
            }
        }
        return choice;
    }
}

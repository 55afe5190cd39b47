package io.switchboard.media.simulator;

import static io.switchboard.dialog.understanding.Expectation.Slot.ADDRESS;
import static io.switchboard.dialog.understanding.Expectation.Slot.DATE_TIME;
import static io.switchboard.dialog.understanding.Expectation.Slot.NAME;
import static io.switchboard.dialog.understanding.Expectation.Slot.NONE;
import static io.switchboard.dialog.understanding.Expectation.Slot.PIN;
import static io.switchboard.dialog.understanding.Expectation.Slot.PROBLEM;
import static io.switchboard.dialog.understanding.Expectation.Slot.SERVICE;
import static io.switchboard.dialog.understanding.Expectation.Slot.SLOT_CHOICE;

import io.switchboard.media.simulator.SpokenCallScript.Expected;
import io.switchboard.media.simulator.SpokenCallScript.Kind;
import io.switchboard.models.Owner;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spoken-call corpus: 40 callers (24 bookings, 6 moves, 4 cancellations, 3 emergencies, 3 owner calls) against
 * the shipped sample plumber, on a Monday at 09:00. Nobody tuned a line to what the recogniser hears from a voice:
 * the phrasings are how people say these things, with a second phrasing for a question asked twice.
 */
public final class SpokenCallCorpus {

    /** The corpus's "now": Monday 23 November 2026, 09:00 in the business's zone. */
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);
    /** The first start of a morning in the sample profile. */
    static final LocalTime FIRST_MORNING = LocalTime.of(8, 0);

    private static final String[][] PEOPLE = {
            {"sarah jones", "one hundred high street"}, {"john smith", "twelve park road"},
            {"peter brown", "forty two church lane"}, {"emma wilson", "seven mill road"},
            {"david taylor", "nine station road"}, {"lucy green", "twenty five queen street"},
            {"mark evans", "three king street"}, {"anna white", "eighteen north road"},
            {"james hall", "sixty london road"}, {"kate moore", "eleven green lane"},
            {"tom baker", "four victoria road"}, {"helen clark", "thirty new street"}};
    /** How callers name each job: the words of the problem, not the catalogue's. */
    private static final String[][] JOBS = {
            {"general-repair", "my tap is leaking", "a repair please", "the kitchen tap is dripping"},
            {"drain-cleaning", "my drain is blocked", "a drain cleaning", "the sink won't drain"},
            {"general-repair", "the toilet keeps running", "i need a plumber to fix it", "the toilet is broken"}};
    private static final DayOfWeek[] DAYS = {DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY};

    private SpokenCallCorpus() {
    }

    /** All 40 callers; {@code owner} is the business's owner (number and PIN), for the owner calls. */
    public static List<SpokenCallScript> all(Owner owner) {
        List<SpokenCallScript> out = new ArrayList<>();
        LocalDate today = NOW.toLocalDate();
        for (int i = 0; i < 24; i++) {
            String[] person = PEOPLE[i % PEOPLE.length];
            // The second dozen shifts the job by one, so no job always meets the same voice (callers are placed
            // round-robin over the voices) and the 24 bookings are 24 different calls, not twelve played twice.
            String[] job = JOBS[(i + i / PEOPLE.length) % JOBS.length];
            DayOfWeek day = DAYS[i % DAYS.length];
            String dayWords = i % DAYS.length == 0 ? "tomorrow" : name(day);
            LocalDate date = today.with(java.time.temporal.TemporalAdjusters.next(day));
            // Half the callers name the day in their first sentence, half wait to be asked.
            String opening = i % 2 == 0 ? job[1] + " can you come " + dayWords + " morning" : job[1];
            out.add(SpokenCallScript.of(String.format("book-%02d", i + 1), Kind.BOOKING, phone(i), opening)
                    .says(SERVICE, job[2], job[3])
                    .says(DATE_TIME, dayWords + " morning please", "in the morning on " + dayWords)
                    .keys(DATE_TIME, String.format("%02d%02d", date.getDayOfMonth(), date.getMonthValue()))
                    .says(SLOT_CHOICE, "the first one", "the earliest")
                    .says(NAME, "my name is " + person[0], "it's " + person[0])
                    .says(ADDRESS, person[1], "it's " + person[1])
                    .says(PROBLEM, job[3])
                    .says(NONE, "i need a plumber", "i'd like to book a visit please")
                    .expecting(new Expected(job[0], date.atTime(FIRST_MORNING), person[0], person[1])));
        }
        for (int i = 0; i < 6; i++) {
            String[] person = PEOPLE[(i + 3) % PEOPLE.length];
            DayOfWeek from = DAYS[i % 2];
            DayOfWeek to = DAYS[2 + i % 2];
            LocalDate fromDate = today.with(java.time.temporal.TemporalAdjusters.next(from));
            LocalDate toDate = today.with(java.time.temporal.TemporalAdjusters.next(to));
            String opening = i % 2 == 0 ? "i need to move my appointment" : "can i change my appointment to "
                    + name(to) + " morning";
            out.add(SpokenCallScript.of(String.format("move-%02d", i + 1), Kind.RESCHEDULE, phone(30 + i), opening)
                    .having("general-repair", fromDate.atTime(10, 0))
                    .says(DATE_TIME, name(to) + " morning please", "in the morning on " + name(to))
                    .says(SLOT_CHOICE, "the first one", "the earliest")
                    .says(NAME, "my name is " + person[0])
                    .says(NONE, "i want to move my appointment", "i need to change my booking")
                    .expecting(new Expected("general-repair", toDate.atTime(FIRST_MORNING), null, null)));
        }
        for (int i = 0; i < 4; i++) {
            String[] person = PEOPLE[(i + 6) % PEOPLE.length];
            LocalDate date = today.with(java.time.temporal.TemporalAdjusters.next(DAYS[i % DAYS.length]));
            String opening = i % 2 == 0 ? "i want to cancel my appointment" : "please cancel my booking";
            out.add(SpokenCallScript.of(String.format("cancel-%02d", i + 1), Kind.CANCEL, phone(40 + i), opening)
                    .having("drain-cleaning", date.atTime(14, 0))
                    .says(NAME, "my name is " + person[0])
                    .says(NONE, "cancel my appointment", "i want to cancel my booking")
                    .expecting(new Expected("drain-cleaning", date.atTime(14, 0), null, null)));
        }
        String[] emergencies = {"water is pouring through my ceiling", "a pipe has burst and the kitchen is flooding",
                "i can smell gas from the boiler"};
        for (int i = 0; i < emergencies.length; i++) {
            String[] person = PEOPLE[(i + 9) % PEOPLE.length];
            out.add(SpokenCallScript.of(String.format("emergency-%02d", i + 1), Kind.EMERGENCY, phone(50 + i),
                            emergencies[i])
                    .says(NAME, "my name is " + person[0], "it's " + person[0])
                    .says(ADDRESS, person[1], "it's " + person[1])
                    .says(PROBLEM, emergencies[i])
                    .says(SLOT_CHOICE, "the first one", "the earliest")
                    .says(DATE_TIME, "as soon as possible")
                    .says(NONE, emergencies[i])
                    .expecting(new Expected(null, null, null, null)));
        }
        String[] ownerAsks = {"what have i got tomorrow", "what's on today", "what's my next job"};
        for (int i = 0; i < ownerAsks.length; i++) {
            out.add(SpokenCallScript.of(String.format("owner-%02d", i + 1), Kind.OWNER, owner.phone(), "hello it's me")
                    .says(PIN, spokenDigits(owner.pin()))
                    .keys(PIN, owner.pin())
                    .says(NONE, ownerAsks[i], "what's on tomorrow")
                    .expecting(new Expected(null, null, null, null)));
        }
        return List.copyOf(out);
    }

    /** {@code n} scripts spread evenly over {@code all} (every kind of call represented), all of them when n >= size. */
    public static List<SpokenCallScript> spread(List<SpokenCallScript> all, int n) {
        int count = Math.max(1, Math.min(n, all.size()));
        List<SpokenCallScript> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(all.get(i * all.size() / count));
        }
        return out;
    }

    private static String phone(int i) {
        return String.format("+4477009002%02d", i);
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
    }

    private static String spokenDigits(String digits) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        List<String> out = new ArrayList<>();
        for (char c : digits.toCharArray()) {
            out.add(words[c - '0']);
        }
        return String.join(" ", out);
    }
}

package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The phrases that can answer a question, for a recogniser constrained to them (a second pass when open recognition
 * heard nothing that fits): yes and no, digits, days and times, the offered options, the business's services, the
 * parts of a read-back to change.
 * Names, addresses and descriptions have no closed list: none is given for them. Every phrase is one the
 * {@link LanguageUnderstanding} reads as an answer to the same question, in lower case words (numbers spelled out,
 * as a recogniser returns them).
 */
public final class AnswerVocabulary {

    private static final List<String> YES_NO = List.of("yes", "yeah", "yep", "yes please", "yes it is",
            "that's right", "that's correct", "correct", "right", "sure", "okay", "go ahead", "no", "nope",
            "no thanks", "no thank you", "no it isn't", "that's wrong");
    private static final List<String> DIGITS = List.of("zero", "oh", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "double", "triple");
    private static final String[] HOURS = {"twelve", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven"};
    private static final List<String> PARTS = List.of("morning", "afternoon", "evening");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");

    private AnswerVocabulary() {
    }

    /** The phrases that answer {@code expecting} for {@code profile}; empty when no closed list can. */
    public static List<String> phrases(Expectation expecting, BusinessProfile profile) {
        Set<String> out = new LinkedHashSet<>();
        switch (expecting.slot()) {
            case YES_NO -> out.addAll(YES_NO);
            case PIN, PHONE -> out.addAll(DIGITS);
            case DATE_TIME -> dateTimes(out);
            case SLOT_CHOICE -> choices(expecting.offers(), out);
            case SERVICE -> services(profile, out);
            case CHANGE -> out.addAll(PartToChange.phrases());
            case NAME, ADDRESS, PROBLEM, NONE -> {
                // no closed list holds these: confirmation, spelling, the keypad or a text message do
            }
        }
        return List.copyOf(out);
    }

    private static void dateTimes(Set<String> out) {
        List<String> days = new ArrayList<>(List.of("today", "tomorrow", "the day after tomorrow"));
        for (DayOfWeek d : DayOfWeek.values()) {
            String day = d.name().toLowerCase(Locale.ROOT);
            days.add(day);
            days.add("next " + day);
        }
        out.add("as soon as possible");
        out.add("the earliest you can");
        out.add("this afternoon");
        out.add("this evening");
        // A day alone does not answer "when?" (the part of day is asked next), so every phrase carries a time.
        for (String day : days) {
            for (String part : PARTS) {
                out.add(day + " " + part);
                out.add(day + " in the " + part);
            }
            for (String hour : HOURS) {
                out.add(day + " at " + hour);
                out.add(day + " at " + hour + " a m");
                out.add(day + " at " + hour + " p m");
            }
        }
        for (String hour : HOURS) {
            out.add("at " + hour + " o'clock");
            out.add("at " + hour + " thirty");
            out.add("at half past " + hour);
        }
    }

    private static void choices(List<ZonedDateTime> offers, Set<String> out) {
        for (int i = 0; i < Math.max(3, offers.size()) && i < ORDINALS.size(); i++) {
            out.add("the " + ORDINALS.get(i));
            out.add("the " + ORDINALS.get(i) + " one");
        }
        out.addAll(List.of("the earliest", "the earliest one", "the last one", "the later one"));
        for (ZonedDateTime offer : offers) {
            String hour = HOURS[offer.getHour() % 12];
            String minutes = offer.getMinute() == 0 ? "" : offer.getMinute() == 30 ? " thirty" : null;
            if (minutes == null) {
                continue;
            }
            out.add(hour + minutes);
            out.add("at " + hour + minutes);
            if (minutes.isEmpty()) {
                out.add(hour + " o'clock");
                out.add("the " + hour + " o'clock");
            }
        }
    }

    private static void services(BusinessProfile profile, Set<String> out) {
        for (ServiceType s : profile.services()) {
            List<String> names = new ArrayList<>(List.of(s.name()));
            names.addAll(s.synonyms());
            for (String name : names) {
                String spoken = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().replaceAll(" +", " ");
                if (!spoken.isEmpty()) {
                    out.add(spoken);
                    out.add("a " + spoken);
                    out.add("i need a " + spoken);
                }
            }
        }
    }
}

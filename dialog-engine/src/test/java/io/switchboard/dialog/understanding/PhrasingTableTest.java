package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-world phrasings, speech-to-text style (lower case, number words, no punctuation) and SMS style, each with
 * everything the rules should get out of it. Unless a row says otherwise, "now" is Saturday 2026-11-21 10:00 in
 * London. A blank cell means "nothing": no times, no phone, no name, no service, no address, no emergency.
 * <p>
 * Times column: preferences separated by {@code ;}, each written as date, time ({@code ~} = approximate), part of
 * day, {@code >notBefore}, {@code <notAfter}, {@code asap}, in that order; a stretch of days is {@code first..last}.
 */
class PhrasingTableTest {

    private static final BusinessProfile PROFILE = SampleProfiles.bristolPlumbing();
    private static final LanguageUnderstanding UNDERSTANDING = new LanguageUnderstanding();

    @ParameterizedTest(name = "[{index}] {0}: \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # expected | text | intent | times | phone | name | service | address | emergency | now
            # ---- dates and times, spoken ----
            DATE_TIME | tomorrow at three thirty | UNKNOWN | 2026-11-22 15:30 | | | | | |
            DATE_TIME | next thursday afternoon | UNKNOWN | 2026-11-26 AFTERNOON | | | | | |
            DATE_TIME | half past two | UNKNOWN | 14:30 | | | | | |
            DATE_TIME | the twenty third | UNKNOWN | 2026-11-23 | | | | | |
            DATE_TIME | monday morning | UNKNOWN | 2026-11-23 MORNING | | | | | |
            DATE_TIME | day after tomorrow | UNKNOWN | 2026-11-23 | | | | | |
            DATE_TIME | the day after tomorrow in the afternoon | UNKNOWN | 2026-11-23 AFTERNOON | | | | | |
            DATE_TIME | this friday | UNKNOWN | 2026-11-27 | | | | | |
            DATE_TIME | first thing tuesday | UNKNOWN | 2026-11-24 MORNING <10:00 | | | | | |
            DATE_TIME | around noon | UNKNOWN | ~12:00 | | | | | |
            DATE_TIME | after two | UNKNOWN | >14:00 | | | | | |
            DATE_TIME | before eleven | UNKNOWN | <11:00 | | | | | |
            DATE_TIME | as soon as possible | UNKNOWN | asap | | | | | |
            DATE_TIME | earliest you have | UNKNOWN | asap | | | | | |
            DATE_TIME | next thursday afternoon or friday morning | UNKNOWN | 2026-11-26 AFTERNOON;2026-11-27 MORNING | | | | | |
            DATE_TIME | quarter to four | UNKNOWN | 15:45 | | | | | |
            DATE_TIME | quarter past nine tomorrow | UNKNOWN | 2026-11-22 09:15 | | | | | |
            DATE_TIME | twenty past three on monday | UNKNOWN | 2026-11-23 15:20 | | | | | |
            DATE_TIME | half two on wednesday | UNKNOWN | 2026-11-25 14:30 | | | | | |
            DATE_TIME | ten fifteen friday | UNKNOWN | 2026-11-27 10:15 | | | | | |
            DATE_TIME | eleven forty five | UNKNOWN | 11:45 | | | | | |
            DATE_TIME | nine oh five on tuesday | UNKNOWN | 2026-11-24 09:05 | | | | | |
            DATE_TIME | three o'clock tomorrow | UNKNOWN | 2026-11-22 15:00 | | | | | |
            DATE_TIME | three o clock tomorrow | UNKNOWN | 2026-11-22 15:00 | | | | | |
            DATE_TIME | at three in the afternoon | UNKNOWN | 15:00 AFTERNOON | | | | | |
            DATE_TIME | eight in the morning on thursday | UNKNOWN | 2026-11-26 08:00 MORNING | | | | | |
            DATE_TIME | tuesday at eight | UNKNOWN | 2026-11-24 08:00 | | | | | |
            DATE_TIME | wednesday at one | UNKNOWN | 2026-11-25 13:00 | | | | | |
            DATE_TIME | at twelve | UNKNOWN | 12:00 | | | | | |
            DATE_TIME | at seven | UNKNOWN | 19:00 | | | | | |
            DATE_TIME | the first of december | UNKNOWN | 2026-12-01 | | | | | |
            DATE_TIME | the second of december at ten | UNKNOWN | 2026-12-02 10:00 | | | | | |
            DATE_TIME | december the third | UNKNOWN | 2026-12-03 | | | | | |
            DATE_TIME | on the thirtieth | UNKNOWN | 2026-11-30 | | | | | |
            DATE_TIME | the twentieth | UNKNOWN | 2026-12-20 | | | | | |
            DATE_TIME | saturday the twenty eighth | UNKNOWN | 2026-11-28 | | | | | |
            DATE_TIME | monday the thirtieth in the afternoon | UNKNOWN | 2026-11-30 AFTERNOON | | | | | |
            DATE_TIME | the fifth of january | UNKNOWN | 2027-01-05 | | | | | |
            DATE_TIME | tomorrow morning | UNKNOWN | 2026-11-22 MORNING | | | | | |
            DATE_TIME | this afternoon | UNKNOWN | 2026-11-21 AFTERNOON | | | | | |
            DATE_TIME | tonight | UNKNOWN | 2026-11-21 EVENING | | | | | |
            DATE_TIME | later today | UNKNOWN | 2026-11-21 | | | | | |
            DATE_TIME | today after lunch | UNKNOWN | 2026-11-21 AFTERNOON >13:00 | | | | | |
            DATE_TIME | monday lunchtime | UNKNOWN | 2026-11-23 >12:00 <14:00 | | | | | |
            DATE_TIME | between two and four on wednesday | UNKNOWN | 2026-11-25 >14:00 <16:00 | | | | | |
            DATE_TIME | any time after three tomorrow | UNKNOWN | 2026-11-22 >15:00 | | | | | |
            DATE_TIME | from ten till twelve on friday | UNKNOWN | 2026-11-27 >10:00 <12:00 | | | | | |
            DATE_TIME | about half nine | UNKNOWN | ~09:30 | | | | | |
            DATE_TIME | roughly eleven | UNKNOWN | ~11:00 | | | | | |
            DATE_TIME | no later than four | UNKNOWN | <16:00 | | | | | |
            DATE_TIME | not before ten | UNKNOWN | >10:00 | | | | | |
            DATE_TIME | early afternoon on thursday | UNKNOWN | 2026-11-26 AFTERNOON <14:00 | | | | | |
            DATE_TIME | late morning next tuesday | UNKNOWN | 2026-11-24 MORNING >10:00 | | | | | |
            DATE_TIME | this coming monday | UNKNOWN | 2026-11-23 | | | | | |
            DATE_TIME | next saturday | UNKNOWN | 2026-11-28 | | | | | |
            DATE_TIME | saturday | UNKNOWN | 2026-11-28 | | | | | |
            DATE_TIME | this saturday | UNKNOWN | 2026-11-21 | | | | | |
            DATE_TIME | sunday | UNKNOWN | 2026-11-22 | | | | | |
            DATE_TIME | next sunday | UNKNOWN | 2026-11-29 | | | | | |
            DATE_TIME | next monday at nine | UNKNOWN | 2026-11-23 09:00 | | | | | |
            DATE_TIME | tuesday or wednesday | UNKNOWN | 2026-11-24;2026-11-25 | | | | | |
            DATE_TIME | friday morning or afternoon | UNKNOWN | 2026-11-27 MORNING;2026-11-27 AFTERNOON | | | | | |
            DATE_TIME | two or three tomorrow | UNKNOWN | 2026-11-22 14:00;2026-11-22 15:00 | | | | | |
            DATE_TIME | either monday at ten or tuesday at two | UNKNOWN | 2026-11-23 10:00;2026-11-24 14:00 | | | | | |
            DATE_TIME | three or so | UNKNOWN | ~15:00 | | | | | |
            DATE_TIME | four or later | UNKNOWN | >16:00 | | | | | |
            DATE_TIME | whenever suits you | UNKNOWN | asap | | | | | |
            DATE_TIME | any time is fine | UNKNOWN | asap | | | | | |
            DATE_TIME | right away please | UNKNOWN | asap | | | | | |
            DATE_TIME | the earliest slot on monday | UNKNOWN | 2026-11-23 asap | | | | | |
            DATE_TIME | first available | UNKNOWN | asap | | | | | |
            DATE_TIME | three | UNKNOWN | 15:00 | | | | | |
            DATE_TIME | ten thirty | UNKNOWN | 10:30 | | | | | |
            DATE_TIME | twelve fifteen on the twenty fourth | UNKNOWN | 2026-11-24 12:15 | | | | | |
            DATE_TIME | midday on friday | UNKNOWN | 2026-11-27 12:00 | | | | | |
            DATE_TIME | thursday evening | UNKNOWN | 2026-11-26 EVENING | | | | | |
            DATE_TIME | um maybe wednesday at about two | UNKNOWN | 2026-11-25 ~14:00 | | | | | |
            DATE_TIME | the twenty ninth at eleven thirty | UNKNOWN | 2026-11-29 11:30 | | | | | |
            # ---- dates and times, typed ----
            DATE_TIME | tmrw 3pm? | UNKNOWN | 2026-11-22 15:00 | | | | | |
            DATE_TIME | Fri am | UNKNOWN | 2026-11-27 MORNING | | | | | |
            DATE_TIME | can u do 10:30 | BOOK | 10:30 | | | | | |
            DATE_TIME | 23/11 | UNKNOWN | 2026-11-23 | | | | | |
            DATE_TIME | 23rd nov | UNKNOWN | 2026-11-23 | | | | | |
            DATE_TIME | Nov 23 | UNKNOWN | 2026-11-23 | | | | | |
            DATE_TIME | 15:00 | UNKNOWN | 15:00 | | | | | |
            DATE_TIME | sat 9ish | UNKNOWN | 2026-11-28 ~09:00 | | | | | |
            DATE_TIME | TMRW AM PLS | UNKNOWN | 2026-11-22 MORNING | | | | | |
            DATE_TIME | mon pm | UNKNOWN | 2026-11-23 AFTERNOON | | | | | |
            DATE_TIME | weds 2pm or thurs 11am | UNKNOWN | 2026-11-25 14:00;2026-11-26 11:00 | | | | | |
            DATE_TIME | 2moro after 1 | UNKNOWN | 2026-11-22 >13:00 | | | | | |
            DATE_TIME | b4 12 on tues | UNKNOWN | 2026-11-24 <12:00 | | | | | |
            DATE_TIME | 10.30am fri | UNKNOWN | 2026-11-27 10:30 | | | | | |
            DATE_TIME | 5/12 at 9 | UNKNOWN | 2026-12-05 09:00 | | | | | |
            DATE_TIME | 3/1/27 | UNKNOWN | 2027-01-03 | | | | | |
            DATE_TIME | 1st dec | UNKNOWN | 2026-12-01 | | | | | |
            DATE_TIME | dec 2nd 2pm | UNKNOWN | 2026-12-02 14:00 | | | | | |
            DATE_TIME | 20/11 | UNKNOWN | 2027-11-20 | | | | | |
            DATE_TIME | 12/1 | UNKNOWN | 2027-01-12 | | | | | |
            DATE_TIME | asap pls | UNKNOWN | asap | | | | | |
            DATE_TIME | 2day after 4 | UNKNOWN | 2026-11-21 >16:00 | | | | | |
            DATE_TIME | tonite 7pm | UNKNOWN | 2026-11-21 19:00 EVENING | | | | | |
            DATE_TIME | 9am-11am tues | UNKNOWN | 2026-11-24 >09:00 <11:00 | | | | | |
            DATE_TIME | can u come 2nite | BOOK | 2026-11-21 EVENING | | | | | |
            DATE_TIME | any chance of thurs | UNKNOWN | 2026-11-26 | | | | | |
            DATE_TIME | nxt fri pls | UNKNOWN | 2026-11-27 | | | | | |
            DATE_TIME | 8 | UNKNOWN | 08:00 | | | | | |
            DATE_TIME | half 10 | UNKNOWN | 10:30 | | | | | |
            DATE_TIME | 4:15pm on the 30th | UNKNOWN | 2026-11-30 16:15 | | | | | |
            DATE_TIME | Monday 23rd November at 2.30pm | UNKNOWN | 2026-11-23 14:30 | | | | | |
            DATE_TIME | wed or thu morning | UNKNOWN | 2026-11-25;2026-11-26 MORNING | | | | | |
            DATE_TIME | 11-1 sat | UNKNOWN | 2026-11-28 >11:00 <13:00 | | | | | |
            # ---- opening a booking ----
            NONE | hi can someone come out tomorrow morning my drains blocked | BOOK | 2026-11-22 MORNING | | | drain-cleaning | | |
            NONE | my kitchen tap is dripping can you come monday | BOOK | 2026-11-23 | | | general-repair | | |
            NONE | the boiler's not working any chance of wednesday afternoon | BOOK | 2026-11-25 AFTERNOON | | | water-heater-repair | | |
            NONE | i'd like a quote for a tankless install | BOOK | | | | tankless-installation | | |
            NONE | no hot water since yesterday | BOOK | | | | water-heater-repair | | |
            NONE | toilet's clogged again | BOOK | | | | drain-cleaning | | |
            NONE | need a plumber for a leak on friday | BOOK | 2026-11-27 | | | general-repair | | |
            NONE | water heater not working can you fit me in tmrw | BOOK | 2026-11-22 | | | water-heater-repair | | |
            NONE | I want to book a drain clean for next tuesday at 9 | BOOK | 2026-11-24 09:00 | | | drain-cleaning | | |
            NONE | tankless installation quote pls | BOOK | | | | tankless-installation | | |
            NONE | combi install next week? | BOOK | 2026-11-23..2026-11-29 | | | tankless-installation | | |
            NONE | tomorrow at 2 | BOOK | 2026-11-22 14:00 | | | | | |
            NONE | Hi, I need someone to look at a blocked drain on Monday please | BOOK | 2026-11-23 | | | drain-cleaning | | |
            NONE | morning, my boiler's packed up | BOOK | | | | water-heater-repair | | |
            NONE | my sink wont drain | BOOK | | | | drain-cleaning | | |
            NONE | leaking pipe under the sink can someone come today | BOOK | 2026-11-21 | | | general-repair | | |
            NONE | hi its sarah jones ive got a leak | BOOK | | | Sarah Jones | general-repair | | |
            NONE | can you unblock a drain on the twenty fifth in the morning | BOOK | 2026-11-25 MORNING | | | drain-cleaning | | |
            # ---- emergencies ----
            NONE | i've got a burst pipe and water everywhere | EMERGENCY | | | | | | Y |
            NONE | the kitchen is flooding | EMERGENCY | | | | | | Y |
            NONE | there's sewage coming up through the drain | EMERGENCY | | | | drain-cleaning | | Y |
            NONE | I can smell gas | EMERGENCY | | | | | | Y |
            NONE | pipes have burst in the loft | EMERGENCY | | | | | | Y |
            NONE | we've got no water at all | EMERGENCY | | | | | | Y |
            NONE | it's not an emergency but the tap is dripping | BOOK | | | | general-repair | | |
            NONE | flooded bathroom asap | EMERGENCY | asap | | | | | Y |
            NONE | URGENT burst pipe!!! | EMERGENCY | | | | emergency-callout | | Y |
            NONE | there is no sewage problem just a slow drain | BOOK | | | | drain-cleaning | | |
            # ---- phone numbers ----
            PHONE | my number is oh seven seven double oh nine double oh one two three | UNKNOWN | | +447700900123 | | | | |
            PHONE | +44 7700 900123 | UNKNOWN | | +447700900123 | | | | |
            PHONE | 07700900123 | UNKNOWN | | +447700900123 | | | | |
            PHONE | it's 07700 900 123 | UNKNOWN | | +447700900123 | | | | |
            PHONE | oh one one seven four nine six oh one two three | UNKNOWN | | +441174960123 | | | | |
            PHONE | plus four four seven seven double oh nine double oh four five six | UNKNOWN | | +447700900456 | | | | |
            PHONE | o seven seven o o nine o o seven eight nine | UNKNOWN | | +447700900789 | | | | |
            PHONE | 07700-900-321 | UNKNOWN | | +447700900321 | | | | |
            PHONE | seven seven double oh nine double oh one two three | UNKNOWN | | | | | | |
            NONE | call me back on 07700 900123 tomorrow after 3 | BOOK | 2026-11-22 >15:00 | +447700900123 | | | | |
            NONE | my name is John Smith and my number is 07700900123 | UNKNOWN | | +447700900123 | John Smith | | | |
            # ---- names ----
            NAME | my name is john smith | UNKNOWN | | | John Smith | | | |
            NAME | it's sarah | UNKNOWN | | | Sarah | | | |
            NAME | this is dave speaking | UNKNOWN | | | Dave | | | |
            NAME | name's pete | UNKNOWN | | | Pete | | | |
            NAME | names pete | UNKNOWN | | | Pete | | | |
            NAME | john smith | UNKNOWN | | | John Smith | | | |
            NAME | yeah it's mary jones | UNKNOWN | | | Mary Jones | | | |
            NAME | Pete. | UNKNOWN | | | Pete | | | |
            NAME | call me Liz | UNKNOWN | | | Liz | | | |
            NAME | yes | AFFIRM | | | | | | |
            NAME | tomorrow | UNKNOWN | 2026-11-22 | | | | | |
            NAME | i don't know | UNKNOWN | | | | | | |
            NONE | dave speaking | UNKNOWN | | | Dave | | | |
            # ---- addresses ----
            ADDRESS | 12 park street bs1 5th | UNKNOWN | | | | | 12 Park Street, BS1 5TH | |
            ADDRESS | flat 2 14 gloucester road bristol | UNKNOWN | | | | | Flat 2, 14 Gloucester Road, Bristol | |
            NONE | i'm at 4 the mall clifton | UNKNOWN | | | | | 4 The Mall, Clifton | |
            ADDRESS | twelve park street | UNKNOWN | | | | | 12 Park Street | |
            ADDRESS | the old rectory church lane | UNKNOWN | | | | | The Old Rectory Church Lane | |
            ADDRESS | b s eight one t x | UNKNOWN | | | | | BS8 1TX | |
            ADDRESS | it's 22 whiteladies road clifton bs8 2pb | UNKNOWN | | | | | 22 Whiteladies Road, Clifton, BS8 2PB | |
            # ---- other intents ----
            NONE | can I speak to a real person | HUMAN | | | | | | |
            NONE | put me through to someone please | HUMAN | | | | | | |
            NONE | I need to cancel my appointment | CANCEL | | | | | | |
            NONE | cancel tmrw pls | CANCEL | 2026-11-22 | | | | | |
            NONE | can I move my appointment to friday | RESCHEDULE | 2026-11-27 | | | | | |
            NONE | I need to change my booking | RESCHEDULE | | | | | | |
            NONE | can we make it 4 instead | RESCHEDULE | 16:00 | | | | | |
            NONE | what time do you open on saturday | QUESTION | 2026-11-28 | | | | | |
            NONE | how much do you charge for drain cleaning | QUESTION | | | | drain-cleaning | | |
            NONE | do you cover clifton? | QUESTION | | | | | | |
            NONE | what are your opening hours | QUESTION | | | | | | |
            NONE | prices? | QUESTION | | | | | | |
            NONE | what services do you offer | QUESTION | | | | | | |
            NONE | what's on my schedule tomorrow | OWNER_BRIEFING | 2026-11-22 | | | | | |
            NONE | any emergencies this afternoon | OWNER_BRIEFING | 2026-11-21 AFTERNOON | | | | | |
            NONE | read me my first appointment for monday | OWNER_BRIEFING | 2026-11-23 | | | | | |
            YES_NO | yes | AFFIRM | | | | | | |
            YES_NO | yeah that works | AFFIRM | | | | | | |
            YES_NO | yep | AFFIRM | | | | | | |
            YES_NO | sure | AFFIRM | | | | | | |
            YES_NO | sounds good | AFFIRM | | | | | | |
            YES_NO | perfect | AFFIRM | | | | | | |
            YES_NO | go ahead | AFFIRM | | | | | | |
            YES_NO | ok | AFFIRM | | | | | | |
            YES_NO | yes please book it | AFFIRM | | | | | | |
            YES_NO | no | DENY | | | | | | |
            YES_NO | nope | DENY | | | | | | |
            YES_NO | not really | DENY | | | | | | |
            SLOT_CHOICE | neither | DENY | | | | | | |
            YES_NO | that doesn't work for me | DENY | | | | | | |
            NONE | hello | GREETING | | | | | | |
            NONE | good morning | GREETING | | | | | | |
            NONE | thanks bye | GOODBYE | | | | | | |
            NONE | that's all thanks | GOODBYE | | | | | | |
            NONE | asdfgh qwerty | UNKNOWN | | | | | | |
            NONE | ??? | UNKNOWN | | | | | | |
            NONE | "" | UNKNOWN | | | | | | |
            # ---- corrections, negations, mixed turns ----
            DATE_TIME | not monday | UNKNOWN | | | | | | |
            NONE | any day next week apart from monday | BOOK | 2026-11-24..2026-11-29 | | | | | |
            NONE | im calling about my appointment on monday can we move it to wednesday | RESCHEDULE | 2026-11-25 | | | | | |
            NONE | hi this is dave i need to cancel tomorrows appointment | CANCEL | 2026-11-22 | | Dave | | | |
            DATE_TIME | morning | UNKNOWN | MORNING | | | | | |
            YES_NO | yes but can we make it half three | RESCHEDULE | 15:30 | | | | | |
            NAME | it's doctor sarah evans | UNKNOWN | | | Doctor Sarah Evans | | | |
            NONE | do you do emergency call outs | QUESTION | | | | emergency-callout | | Y |
            NONE | it's not urgent but can someone look at my radiator | BOOK | | | | | | |
            NONE | i need a plumber urgently there's water coming through the ceiling | EMERGENCY | | | | emergency-callout | | Y |
            NONE | could you send someone round on tuesday the twenty fourth at about ten | BOOK | 2026-11-24 ~10:00 | | | | | |
            NONE | would friday at half eleven be okay | BOOK | 2026-11-27 11:30 | | | | | |
            NONE | what's the earliest you can get someone out | BOOK | asap | | | | | |
            NONE | there's a smell of gas in the kitchen | EMERGENCY | | | | | | Y |
            ADDRESS | 7 clifton down road | UNKNOWN | | | | | 7 Clifton Down Road | |
            # ---- around the clock changes (BST ends 25 Oct 2026, starts 29 Mar 2026) ----
            DATE_TIME | tomorrow at half past one | UNKNOWN | 2026-10-25 13:30 | | | | | | 2026-10-24T23:30+01:00[Europe/London]
            DATE_TIME | today at ten | UNKNOWN | 2026-10-25 10:00 | | | | | | 2026-10-25T00:30Z[UTC]
            DATE_TIME | tomorrow morning | UNKNOWN | 2026-03-29 MORNING | | | | | | 2026-03-28T23:59Z[UTC]
            DATE_TIME | next sunday at 2 | UNKNOWN | 2026-04-05 14:00 | | | | | | 2026-03-28T10:00Z[UTC]
            DATE_TIME | sunday at 1:30 | UNKNOWN | 2026-03-29 13:30 | | | | | | 2026-03-27T21:00Z[UTC]
            DATE_TIME | tomorrow at 1 | UNKNOWN | 2026-03-29 13:00 | | | | | | 2026-03-28T23:30Z[UTC]
            """)
    void understandsPhrasing(Expectation expected, String text, Intent intent, String times, String phone,
                             String name, String service, String address, String emergency, String now) {
        ZonedDateTime clock = now == null ? SampleProfiles.NOW : ZonedDateTime.parse(now);
        Understanding u = UNDERSTANDING.understand(text,
                new UnderstandingContext(clock, PROFILE, expected, List.of()));

        assertThat(u.intent()).as("intent").isEqualTo(intent);
        assertThat(describe(u.times())).as("times").isEqualTo(times == null ? "" : times);
        assertThat(u.phone()).as("phone").isEqualTo(java.util.Optional.ofNullable(phone));
        assertThat(u.name()).as("name").isEqualTo(java.util.Optional.ofNullable(name));
        assertThat(u.service().map(ServiceType::id)).as("service").isEqualTo(java.util.Optional.ofNullable(service));
        assertThat(u.address()).as("address").isEqualTo(java.util.Optional.ofNullable(address));
        assertThat(u.emergency()).as("emergency").isEqualTo("Y".equals(emergency));
    }

    static String describe(List<TimePreference> prefs) {
        return prefs.stream().map(PhrasingTableTest::describe).collect(Collectors.joining(";"));
    }

    static String describe(TimePreference p) {
        List<String> parts = new ArrayList<>();
        if (p.date() != null) {
            parts.add(p.date() + (p.lastDate() == null ? "" : ".." + p.lastDate()));
        }
        if (p.time() != null) {
            parts.add((p.approximate() ? "~" : "") + p.time());
        }
        if (p.partOfDay() != null) {
            parts.add(p.partOfDay().name());
        }
        if (p.notBefore() != null) {
            parts.add(">" + p.notBefore());
        }
        if (p.notAfter() != null) {
            parts.add("<" + p.notAfter());
        }
        if (p.asap()) {
            parts.add("asap");
        }
        return String.join(" ", parts);
    }
}

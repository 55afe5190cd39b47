package io.switchboard.dialog.corpus;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static io.switchboard.dialog.corpus.Phrasebook.pick;
import static io.switchboard.dialog.corpus.Styler.keep;

/**
 * Draws the corpus: for each category, {@code perCategory} callers from templates, with a seeded generator so a
 * seed always gives the same corpus. Ground truth (wish windows, names, addresses) is computed here with java.time
 * from the dialog's "now", never from the engine.
 */
final class CorpusGenerator {

    /** Weekday mornings and afternoons the dialogs take place at; varied so "tomorrow" and weekdays move. */
    private static final List<LocalDateTime> NOWS = List.of(LocalDateTime.of(2026, 11, 23, 9, 0),
            LocalDateTime.of(2026, 11, 25, 8, 30), LocalDateTime.of(2026, 11, 19, 14, 0),
            LocalDateTime.of(2026, 12, 3, 10, 0), LocalDateTime.of(2026, 11, 10, 11, 15),
            LocalDateTime.of(2026, 12, 1, 16, 40));

    private final BusinessProfile plumber;
    private final BusinessProfile dentist;
    private final long seed;
    private final int perCategory;

    /** @param dentist the practice the {@link Category#DENTIST} callers ring; every other caller rings {@code profile} */
    CorpusGenerator(BusinessProfile profile, BusinessProfile dentist, long seed, int perCategory) {
        this.plumber = profile;
        this.dentist = dentist;
        this.seed = seed;
        this.perCategory = perCategory;
    }

    List<Persona> generate() {
        List<Persona> out = new ArrayList<>();
        Random rnd = new Random(seed);
        int id = 0;
        for (Category c : Category.values()) {
            for (int i = 0; i < perCategory; i++) {
                Persona p = null;
                for (int attempt = 0; p == null && attempt < 20; attempt++) {
                    // sub-kinds go round in turn so every one is in the corpus; a sub-kind that cannot be drawn
                    // today (end of the month on the 28th) hands over to the next
                    p = new Draft(c, id, i + attempt, new Random(rnd.nextLong())).build();
                }
                if (p == null) {
                    throw new IllegalStateException("could not draw a " + c + " caller");
                }
                out.add(p);
                id++;
            }
        }
        return out;
    }

    /** One caller being drawn. Fields start plain; the category changes what it is about. */
    private final class Draft {
        final Category category;
        final BusinessProfile profile;
        final int id;
        /** Position within the category: picks the sub-kind round-robin. */
        final int slot;
        final Random rnd;
        final Channel channel;
        final boolean voice;
        final LocalDateTime now;
        String variant = "";
        PersonName name;
        String callerId;
        String phone;
        String phoneSaid;
        Address address;
        boolean streetFirst;
        Persona.Problem problem;
        Wishes wishes;
        Wish wish;
        Wish fallback;
        String email;
        String opening;
        final List<Twist> twists = new ArrayList<>();
        String pickStyle;
        Persona.Goal goal = Persona.Goal.BOOK;
        final List<Persona.Existing> existing = new ArrayList<>();
        int target = -1;
        String expects;

        Draft(Category category, int id, int slot, Random rnd) {
            this.category = category;
            this.profile = category.dentist() ? dentist : plumber;
            this.id = id;
            this.slot = slot;
            this.rnd = rnd;
            double ch = rnd.nextDouble();
            this.channel = category == Category.SPOKEN_POSTCODE ? Channel.VOICE
                    : ch < 0.4 ? Channel.SMS : ch < 0.65 ? Channel.WHATSAPP : Channel.VOICE;
            this.voice = channel == Channel.VOICE;
            this.now = pick(rnd, NOWS);
            String plainName = pick(rnd, Phrasebook.PLAIN_NAMES);
            this.name = rnd.nextDouble() < 0.25
                    ? new PersonName(plainName.toLowerCase(Locale.ROOT), plainName.toLowerCase(Locale.ROOT), "")
                    : PersonName.plain(plainName);
            this.callerId = String.format("+4477009%05d", id % 500);
            this.phone = callerId;
            Phrasebook.Street s = pick(rnd, Phrasebook.STREETS);
            this.address = new Address("", 1 + rnd.nextInt(98), s.street(), rnd.nextBoolean() ? "Bristol" : "",
                    s.postcode());
            this.problem = pick(rnd, category.dentist() ? Phrasebook.DENTAL_PROBLEMS : Phrasebook.PROBLEMS);
            this.wishes = new Wishes(profile, now, duration(problem.serviceId()));
            this.wish = wishes.plain(rnd);
        }

        /** The sub-kind for this slot, out of {@code n}. */
        int kind(int n) {
            return slot % n;
        }

        Duration duration(String serviceId) {
            return profile.service(serviceId).orElseThrow().duration();
        }

        String n() {
            return keep(name.said(voice));
        }

        String addr() {
            return keep(voice ? address.spoken(true) : address.typed(rnd, rnd.nextDouble() < 0.4, true));
        }

        String when(Wish w) {
            return w.said();
        }

        Persona build() {
            switch (category) {
                case PLAIN -> plain();
                case QUESTION_AND_BOOKING -> questionAndBooking();
                case OPTION_PICK -> optionPick();
                case TAKEN_SLOT -> takenSlot();
                case FLAT_UNIT_ADDRESS -> flat();
                case NAMES -> names();
                case ADDRESS_ACROSS_TURNS -> acrossTurns();
                case SPOKEN_POSTCODE -> spokenPostcode();
                case EMAIL_GIVEN -> email();
                case CORRECTIONS -> {
                    if (!corrections()) {
                        return null;
                    }
                }
                case ANYTHING_SOONER -> {
                    if (!sooner()) {
                        return null;
                    }
                }
                case BARE_NO -> {
                    if (!bareNo()) {
                        return null;
                    }
                }
                case DATES_AS_SAID -> {
                    if (!dates()) {
                        return null;
                    }
                }
                case TIMES_AS_SAID -> {
                    if (!times()) {
                        return null;
                    }
                }
                case OUT_OF_RANGE -> {
                    if (!outOfRange()) {
                        return null;
                    }
                }
                case A_OR_B -> {
                    if (!aOrB()) {
                        return null;
                    }
                }
                case CHANGE_OF_MIND -> {
                    if (!changeOfMind()) {
                        return null;
                    }
                }
                case RESCHEDULE -> {
                    if (!reschedule()) {
                        return null;
                    }
                }
                case CANCEL -> cancel();
                case SCOPE -> scope();
                case AMBIGUOUS_SERVICE -> ambiguous();
                case FAQ_BY_MEANING -> faqByMeaning();
                case DENTIST -> dentist();
                case SAFETY -> safety();
                case HAND_OFF -> handOff();
            }
            if (wish == null) {
                return null;
            }
            return new Persona(id, category, variant, channel, now, callerId, name, phone, phoneSaid, address,
                    streetFirst, problem, wish, fallback, email, opening, twists, pickStyle, goal, existing, target,
                    expects);
        }

        /** A first message: the problem, and maybe when, who and where. */
        String openWith(String when, boolean withName, boolean withAddress) {
            String p = problem.words();
            String greeting = pick(rnd, List.of("Hi", "Hello", "Hiya", "Morning", "Hi there", "Hello there"));
            String body;
            if (when == null) {
                body = pick(rnd, List.of(greeting + ", " + p + ".", greeting + ", need a plumber, " + p + ".",
                        p + ", can you help?", greeting + ", " + p + ". Can someone come out?"));
            } else {
                body = pick(rnd, List.of(
                        greeting + ", " + p + ". Could someone come out " + when + "?",
                        greeting + ", " + p + ", are you free " + when + "?",
                        p + " - can you come " + when,
                        greeting + ", looking to book someone, " + p + ". " + cap(when) + " if possible please",
                        greeting + ", " + p + ". Any chance of " + when + "?",
                        "Can I book someone for " + when + "? " + cap(p) + "."));
            }
            if (withName) {
                body += pick(rnd, List.of(" I'm " + n() + ".", " Name's " + n() + ".", " It's " + n() + " by the way.",
                        " This is " + n() + "."));
            }
            if (withAddress) {
                body += pick(rnd, List.of(" Address is " + addr() + ".", " We're at " + addr() + ".",
                        " I'm at " + addr() + "."));
            }
            return body;
        }

        String cap(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        void plain() {
            int shape = kind(4);
            variant = List.of("problem only", "problem+when", "problem+when+name", "everything").get(shape);
            if (rnd.nextDouble() < 0.15) {
                problem = pick(rnd, Phrasebook.INSTALLS);
                wishes = new Wishes(profile, now, duration(problem.serviceId()));
                wish = wishes.morning(rnd);
                variant += ", install";
            }
            opening = openWith(shape == 0 ? null : when(wish), shape >= 2, shape == 3);
        }

        void questionAndBooking() {
            String area = pick(rnd, List.of("Keynsham", "Kingswood", "Bradley Stoke", "Portishead", "Filton"));
            int q = kind(5);
            variant = List.of("price", "area", "hours", "payment", "price+problem").get(q);
            String w = when(wish);
            opening = switch (q) {
                case 0 -> pick(rnd, List.of("How much do you charge for " + problem.plainWords().replaceFirst("^(I need |a )", "")
                        + "? And can you come " + w + "? " + cap(problem.words()) + ".",
                        "What are your rates? Need someone " + w + ", " + problem.words() + "."));
                case 1 -> "Do you cover " + area + "? " + cap(problem.words()) + ", could you do " + w + "?";
                case 2 -> "What time do you close? " + cap(problem.words()) + " and I'd like someone " + w + ".";
                case 3 -> "Do you take card? " + cap(problem.words()) + ", can I book " + w + "?";
                default -> cap(problem.words()) + ". How much would that be roughly, and are you free " + w + "?";
            };
        }

        void optionPick() {
            LocalDate d = wishes.plainDay(rnd);
            Wishes.Part p = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1),
                    Wishes.PLAIN_PARTS.get(8)));
            String day = wishes.plainDayWords(d, rnd);
            wish = wishes.wish(p.said().equals("any time") ? day + " any time" : day + " " + p.said(), d, p);
            pickStyle = List.of("digit", "ordinal", "option", "later", "first", "last").get(kind(6));
            variant = pickStyle;
            opening = openWith(when(wish), rnd.nextBoolean(), false);
        }

        void takenSlot() {
            LocalDate d = wishes.plainDay(rnd);
            LocalTime t = pick(rnd, List.of(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(14, 0),
                    LocalTime.of(9, 30)));
            String day = wishes.plainDayWords(d, rnd);
            String said = day + " at " + (voice ? clockWords(t) : clockText(t));
            Wish.Window around = wishes.window(d, t.minusMinutes(90), t.plusMinutes(90));
            wish = around == null ? null : new Wish(said, said, List.of(around));
            // someone else holds the wanted time; the caller will take anything within an hour and a half of it
            existing.add(new Persona.Existing("general-repair", d.atTime(t), false));
            variant = "taken";
            opening = openWith(said, rnd.nextBoolean(), false) + " Around then is fine if not.";
        }

        void flat() {
            String prefix = Phrasebook.FLAT_PREFIXES.get(kind(Phrasebook.FLAT_PREFIXES.size()));
            address = new Address(prefix, address.number(), address.street(), address.town(), address.postcode());
            variant = prefix.replaceAll("\\d.*", "").strip().toLowerCase(Locale.ROOT);
            opening = openWith(when(wish), rnd.nextBoolean(), rnd.nextDouble() < 0.4);
        }

        void names() {
            List<String> kinds = Phrasebook.HARD_NAMES.stream().map(Phrasebook.HardName::kind).distinct().toList();
            String k = kinds.get(kind(kinds.size()));
            Phrasebook.HardName h = pick(rnd, Phrasebook.HARD_NAMES.stream().filter(x -> x.kind().equals(k)).toList());
            name = new PersonName(h.typed(), h.heard(), h.title());
            variant = h.kind();
            opening = openWith(when(wish), rnd.nextDouble() < 0.4, false);
        }

        void acrossTurns() {
            streetFirst = true;
            variant = "street then postcode";
            opening = openWith(when(wish), rnd.nextBoolean(), false);
        }

        void spokenPostcode() {
            streetFirst = rnd.nextBoolean();
            variant = streetFirst ? "postcode on its own" : "whole address";
            opening = openWith(when(wish), rnd.nextBoolean(), false);
        }

        void email() {
            email = pick(rnd, Phrasebook.EMAIL_USERS) + "@" + pick(rnd, Phrasebook.EMAIL_DOMAINS);
            String said = voice ? email.replace(".", " dot ").replace("@", " at ").replace("_", " underscore ") : email;
            int mode = kind(3);
            variant = List.of("in first message", "with the address", "after the address").get(mode);
            switch (mode) {
                case 0 -> opening = openWith(when(wish), true, false) + " My email is " + keep(said)
                        + " if you need it.";
                // the caller adds it to the address answer, or sends it right after (see SimulatedCaller)
                default -> opening = openWith(when(wish), rnd.nextBoolean(), false);
            }
        }

        boolean corrections() {
            int kind = kind(6);
            LocalDate d = wishes.plainDay(rnd);
            String day = wishes.plainDayWords(d, rnd);
            switch (kind) {
                case 0 -> {
                    variant = "make it N instead";
                    LocalTime t1 = LocalTime.of(pick(rnd, List.of(9, 10, 13, 14)), 0);
                    LocalTime t2 = t1.plusHours(1 + rnd.nextInt(2));
                    wish = wishAt(day + " at " + clockText(t1), d, t1);
                    Wish w2 = wishAt(day + " at " + clockText(t2), d, t2);
                    if (wish == null || w2 == null) {
                        return false;
                    }
                    String h2 = voice ? SpokenNumbers.words(t2.getHour() > 12 ? t2.getHour() - 12 : t2.getHour())
                            : String.valueOf(t2.getHour() > 12 ? t2.getHour() - 12 : t2.getHour());
                    twists.add(Twist.wish(Twist.Trigger.FIRST_CONFIRM,
                            pick(rnd, List.of("Can you make it " + h2 + " instead?", "Actually make it " + h2 + " instead",
                                    "Sorry, make it " + h2 + " instead please")), w2));
                }
                case 1 -> {
                    variant = "not X, Y";
                    LocalDate d2 = d.plusDays(1);
                    while (!wishes.open(d2) || d2.getDayOfWeek() == DayOfWeek.SATURDAY) {
                        d2 = d2.plusDays(1);
                    }
                    Wishes.Part p = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1)));
                    wish = wishes.wish(wishes.namedDay(d) + " " + p.said(), d, p);
                    Wish w2 = wishes.wish(wishes.namedDay(d2) + " " + p.said(), d2, p);
                    if (wish == null || w2 == null) {
                        return false;
                    }
                    twists.add(Twist.wish(Twist.Trigger.FIRST_PROPOSAL, pick(rnd, List.of(
                            "Sorry, not " + wishes.namedDay(d) + ", " + wishes.namedDay(d2),
                            "No sorry I meant " + wishes.namedDay(d2) + " not " + wishes.namedDay(d),
                            "Oops not " + wishes.namedDay(d) + ", I meant " + wishes.namedDay(d2))), w2));
                }
                case 2 -> {
                    variant = "actually, afternoon";
                    wish = wishes.wish(day + " morning", d, Wishes.PLAIN_PARTS.get(0));
                    Wish w2 = wishes.wish(day + " afternoon", d, Wishes.PLAIN_PARTS.get(1));
                    if (wish == null || w2 == null) {
                        return false;
                    }
                    twists.add(Twist.wish(Twist.Trigger.FIRST_PROPOSAL, pick(rnd, List.of(
                            "Actually, could it be the afternoon instead?", "Actually afternoon would be better",
                            "actually make it the afternoon")), w2));
                }
                case 3 -> {
                    variant = "name typo corrected";
                    String right = pick(rnd, Phrasebook.PLAIN_NAMES);
                    String[] parts = right.split(" ");
                    String sur = parts[1];
                    int k = 1 + rnd.nextInt(sur.length() - 2);
                    // two letters swapped, the commonest typing slip
                    String wrong = parts[0] + " " + sur.substring(0, k) + sur.charAt(k + 1) + sur.charAt(k)
                            + sur.substring(k + 2);
                    name = PersonName.plain(wrong);
                    PersonName fixed = PersonName.plain(right);
                    twists.add(new Twist(Twist.Trigger.AFTER_NAME, pick(rnd, List.of(
                            "Sorry, typo - it's " + keep(fixed.said(voice)), "No sorry, my name is " + keep(fixed.said(voice)),
                            "Oops, " + keep(fixed.said(voice)) + " is my name")), null, fixed, null, null, false));
                }
                case 4 -> {
                    variant = "use another number";
                    phone = String.format("+4477009%05d", 500 + id % 499);
                    phoneSaid = "07700 " + phone.substring(7);
                }
                default -> {
                    variant = "no, the full address is";
                    String prefix = pick(rnd, Phrasebook.FLAT_PREFIXES);
                    Address full = new Address(prefix, address.number(), address.street(), address.town(),
                            address.postcode());
                    String said = voice ? full.spoken(true) : full.typed(rnd, false, true);
                    twists.add(new Twist(Twist.Trigger.FIRST_CONFIRM, pick(rnd, List.of(
                            "No, the full address is " + keep(said), "Actually it's " + keep(said),
                            "No sorry, I forgot the flat, it's " + keep(said))), null, null, full, null, false));
                }
            }
            opening = openWith(when(wish), kind != 3 && rnd.nextBoolean(), false);
            return true;
        }

        Wish wishAt(String said, LocalDate d, LocalTime t) {
            return wishes.wish(said, d, new Wishes.Part(said, t, t));
        }

        boolean sooner() {
            LocalDate d = wishes.today().plusDays(4 + rnd.nextInt(4));
            while (!wishes.open(d) || d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                d = d.plusDays(1);
            }
            wish = wishes.wish(rnd.nextBoolean() ? wishes.namedDay(d) : Wishes.dayName(d) + " the " + Wishes.ordinalSuffix(d.getDayOfMonth()),
                    d, Wishes.PLAIN_PARTS.get(8));
            if (wish == null) {
                return false;
            }
            variant = "anything sooner?";
            twists.add(new Twist(Twist.Trigger.FIRST_OFFERS, pick(rnd, List.of("Anything sooner?",
                    "Have you got anything sooner?", "nothing sooner?", "Is there anything earlier than that?")),
                    null, null, null, null, true));
            opening = openWith(when(wish), rnd.nextBoolean(), false);
            return true;
        }

        boolean bareNo() {
            LocalDate d = wishes.plainDay(rnd);
            String day = wishes.plainDayWords(d, rnd);
            LocalTime t1 = LocalTime.of(pick(rnd, List.of(9, 10, 11)), 0);
            LocalTime t2 = LocalTime.of(pick(rnd, List.of(14, 15)), 0);
            wish = wishAt(day + " at " + clockText(t1), d, t1);
            Wish w2 = wishAt(day + " at " + clockText(t2), d, t2);
            if (wish == null || w2 == null) {
                return false;
            }
            variant = "bare no, then the time";
            twists.add(new Twist(Twist.Trigger.FIRST_CONFIRM, pick(rnd, List.of("no", "No", "nope", "no.")), w2, null,
                    null, pick(rnd, List.of("The time - can we do " + clockText(t2) + " instead?",
                    "Can it be " + clockText(t2) + " instead", "Sorry, I need it at " + clockText(t2))), false));
            opening = openWith(when(wish), rnd.nextBoolean(), false);
            return true;
        }

        boolean dates() {
            int kind = kind(10);
            Wishes.Part p = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1),
                    Wishes.PLAIN_PARTS.get(2), Wishes.PLAIN_PARTS.get(5)));
            String part = p.said().startsWith("at") ? " " + p.said() : " in the " + p.said();
            LocalDate today = wishes.today();
            switch (kind) {
                case 0 -> {
                    DayOfWeek dow = pick(rnd, List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
                    String dn = dow.name().toLowerCase(Locale.ROOT);
                    variant = "next week <weekday>";
                    wish = wishes.wish(pick(rnd, List.of("next week " + dn, dn + " next week", "next week on the " + dn))
                            + part, wishes.nextWeeks(dow), p);
                }
                case 1 -> {
                    variant = "in two weeks";
                    wish = wishes.wish(pick(rnd, List.of("in two weeks", "two weeks today", "in 2 weeks time")) + part,
                            today.plusWeeks(2), p);
                }
                case 2 -> {
                    variant = "a fortnight";
                    wish = wishes.wish(pick(rnd, List.of("a fortnight today", "in a fortnight", "this day fortnight"))
                            + part, today.plusWeeks(2), p);
                }
                case 3 -> {
                    DayOfWeek dow = pick(rnd, List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
                    variant = "a week on <weekday>";
                    wish = wishes.wish("a week on " + dow.name().toLowerCase(Locale.ROOT) + part,
                            wishes.nextWeekday(dow).plusWeeks(1), p);
                }
                case 4 -> {
                    variant = "end of the month";
                    LocalDate last = today.with(TemporalAdjusters.lastDayOfMonth());
                    if (last.minusDays(6).isBefore(today)) {
                        return false;
                    }
                    List<LocalDate> days = new ArrayList<>();
                    for (LocalDate x = last.minusDays(4); !x.isAfter(last); x = x.plusDays(1)) {
                        days.add(x);
                    }
                    Wishes.Part any = Wishes.PLAIN_PARTS.get(8);
                    wish = wishes.wishOver(pick(rnd, List.of("end of the month", "towards the end of the month",
                            "the end of this month")), days, any);
                }
                case 5 -> {
                    variant = "day after tomorrow";
                    wish = wishes.wish(pick(rnd, List.of("the day after tomorrow", "day after tomorrow"))
                            + part, today.plusDays(2), p);
                }
                case 6 -> {
                    variant = "ordinal date";
                    LocalDate d = today.plusDays(3 + rnd.nextInt(20));
                    String ord = voice ? SpokenNumbers.ordinal(d.getDayOfMonth()) : Wishes.ordinalSuffix(d.getDayOfMonth());
                    String said = pick(rnd, List.of("the " + ord, "on the " + ord,
                            Wishes.dayName(d) + " the " + ord, "the " + ord + " of " + Wishes.monthName(d),
                            Wishes.monthName(d) + " " + ord));
                    wish = wishes.wish(said + part, d, p);
                }
                case 7 -> {
                    variant = "next week sometime";
                    List<LocalDate> days = new ArrayList<>();
                    LocalDate mon = wishes.nextWeeks(DayOfWeek.MONDAY);
                    for (int i = 0; i < 5; i++) {
                        days.add(mon.plusDays(i));
                    }
                    wish = wishes.wishOver(pick(rnd, List.of("next week sometime", "sometime next week",
                            "any day next week")), days, Wishes.PLAIN_PARTS.get(8));
                }
                case 8 -> {
                    variant = "this coming <weekday>";
                    DayOfWeek dow = pick(rnd, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY));
                    wish = wishes.wish("this coming " + dow.name().toLowerCase(Locale.ROOT) + part,
                            wishes.nextWeekday(dow), p);
                }
                default -> {
                    variant = "tomorrow week";
                    wish = wishes.wish(pick(rnd, List.of("a week tomorrow", "tomorrow week")) + part,
                            today.plusDays(8), p);
                }
            }
            if (wish == null) {
                return false;
            }
            opening = openWith(when(wish), rnd.nextBoolean(), false);
            return true;
        }

        boolean times() {
            LocalDate d = wishes.plainDay(rnd);
            String day = wishes.plainDayWords(d, rnd);
            int kind = kind(10);
            Wishes.Part p = switch (kind) {
                case 0 -> new Wishes.Part("half one", LocalTime.of(13, 30), LocalTime.of(13, 30));
                case 1 -> new Wishes.Part("half ten", LocalTime.of(10, 30), LocalTime.of(10, 30));
                case 2 -> new Wishes.Part("after lunch", LocalTime.of(12, 30), LocalTime.of(16, 0));
                case 3 -> new Wishes.Part("first thing", LocalTime.of(8, 0), LocalTime.of(9, 0));
                case 4 -> new Wishes.Part(pick(rnd, List.of("noon", "midday", "12 noon")), LocalTime.NOON, LocalTime.NOON);
                case 5 -> new Wishes.Part("before 11", LocalTime.of(8, 0), LocalTime.of(10, 30));
                case 6 -> new Wishes.Part("after 3", LocalTime.of(15, 0), LocalTime.of(17, 0));
                case 7 -> new Wishes.Part("late morning", LocalTime.of(10, 0), LocalTime.of(11, 30));
                case 8 -> new Wishes.Part("half two", LocalTime.of(14, 30), LocalTime.of(14, 30));
                default -> new Wishes.Part("lunchtime", LocalTime.of(12, 0), LocalTime.of(13, 30));
            };
            variant = p.said().replace("12 noon", "noon").replace("midday", "noon");
            String said = switch (kind) {
                case 0, 1, 4, 8 -> pick(rnd, List.of(day + " at " + p.said(), p.said() + " " + day));
                case 3 -> pick(rnd, List.of("first thing " + day, day + " first thing", "first thing " + day + " morning"))
                        .replace("tomorrow morning", "tomorrow morning").replace("morning morning", "morning");
                default -> day + " " + p.said();
            };
            wish = wishes.wish(said, d, p);
            if (wish == null) {
                return false;
            }
            opening = openWith(said, rnd.nextBoolean(), false);
            return true;
        }

        boolean outOfRange() {
            LocalDate today = wishes.today();
            int kind = kind(3);
            Wish plain = wishes.plain(rnd);
            fallback = plain;
            switch (kind) {
                case 0 -> {
                    variant = "beyond horizon";
                    LocalDate far = wishes.lastBookable().plusDays(10 + rnd.nextInt(30));
                    String ord = voice ? SpokenNumbers.ordinal(far.getDayOfMonth()) : Wishes.ordinalSuffix(far.getDayOfMonth());
                    wish = new Wish(pick(rnd, List.of("the " + ord + " of " + Wishes.monthName(far),
                            Wishes.monthName(far) + " " + ord, ord + " " + Wishes.monthName(far))), null,
                            List.of());
                }
                case 1 -> {
                    variant = "sunday (closed)";
                    wish = new Wish(pick(rnd, List.of("sunday morning", "this sunday", "sunday at 11")), null, List.of());
                }
                default -> {
                    variant = "christmas day (blackout)";
                    if (today.plusDays(50).isBefore(LocalDate.of(today.getYear(), 12, 25))) {
                        return false;
                    }
                    wish = new Wish(pick(rnd, List.of("christmas day", "boxing day", "the 25th of december")), null,
                            List.of());
                }
            }
            opening = openWith(wish.said(), rnd.nextBoolean(), false);
            return true;
        }

        boolean aOrB() {
            LocalDate d1 = wishes.plainDay(rnd);
            LocalDate d2 = d1.plusDays(1);
            while (!wishes.open(d2) || d2.getDayOfWeek() == DayOfWeek.SATURDAY) {
                d2 = d2.plusDays(1);
            }
            Wishes.Part p1 = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1)));
            Wishes.Part p2 = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1)));
            Wish.Window w1 = wishes.window(d1, p1.from(), p1.to());
            Wish.Window w2 = wishes.window(d2, p2.from(), p2.to());
            if (w1 == null || w2 == null) {
                return false;
            }
            String a = wishes.plainDayWords(d1, rnd) + " " + p1.said();
            String b = wishes.namedDay(d2) + " " + p2.said();
            variant = p1.equals(p2) && rnd.nextBoolean() ? "A or B, same part" : "A or B";
            String said = variant.equals("A or B, same part")
                    ? wishes.plainDayWords(d1, rnd) + " or " + wishes.namedDay(d2) + " " + p1.said()
                    : a + " or " + b;
            if (variant.equals("A or B, same part")) {
                w2 = wishes.window(d2, p1.from(), p1.to());
            }
            wish = new Wish(said, said, List.of(w1, w2));
            opening = openWith(said, rnd.nextBoolean(), false);
            return true;
        }

        boolean changeOfMind() {
            LocalDate d = wishes.plainDay(rnd);
            LocalDate d2 = d.plusDays(1 + rnd.nextInt(2));
            while (!wishes.open(d2) || d2.getDayOfWeek() == DayOfWeek.SATURDAY) {
                d2 = d2.plusDays(1);
            }
            Wishes.Part p = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1), Wishes.PLAIN_PARTS.get(8)));
            wish = wishes.wish(wishes.plainDayWords(d, rnd) + " " + p.said(), d, p);
            Wish w2 = wishes.wish(wishes.namedDay(d2) + " " + p.said(), d2, p);
            if (wish == null || w2 == null) {
                return false;
            }
            int when = kind(3);
            Twist.Trigger trigger = List.of(Twist.Trigger.FIRST_OFFERS, Twist.Trigger.FIRST_CONFIRM,
                    Twist.Trigger.AFTER_NAME).get(when);
            variant = "at " + trigger.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String dn = wishes.namedDay(d2);
            twists.add(Twist.wish(trigger, pick(rnd, List.of(
                    "Actually, can we do " + dn + " instead? Sorry",
                    "Hang on, " + dn + " would be better for me actually",
                    "Oh wait, I've just remembered I'm out that day. Could you do " + dn + " " + p.said() + " instead?",
                    "Change of plan, can it be " + dn + "?")), w2));
            opening = openWith(when(wish), rnd.nextBoolean(), false);
            return true;
        }

        boolean reschedule() {
            goal = Persona.Goal.RESCHEDULE;
            LocalDate booked = wishes.plainDay(rnd);
            existing.add(new Persona.Existing(problem.serviceId(), booked.atTime(10, 0), true));
            boolean two = rnd.nextDouble() < 0.25;
            if (two) {
                LocalDate other = booked.plusDays(1);
                while (!wishes.open(other) || other.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    other = other.plusDays(1);
                }
                existing.add(new Persona.Existing("general-repair", other.atTime(9, 0), true));
            }
            target = 0;
            LocalDate d = booked.plusDays(1 + rnd.nextInt(3));
            while (!wishes.open(d) || d.getDayOfWeek() == DayOfWeek.SATURDAY
                    || (two && d.equals(existing.get(1).start().toLocalDate()))) {
                d = d.plusDays(1);
            }
            Wishes.Part p = pick(rnd, List.of(Wishes.PLAIN_PARTS.get(0), Wishes.PLAIN_PARTS.get(1),
                    Wishes.PLAIN_PARTS.get(5), Wishes.PLAIN_PARTS.get(3)));
            String dn = wishes.namedDay(d);
            String said = p.said().startsWith("at") ? dn + " " + p.said() : dn + " " + p.said();
            wish = wishes.wish(said, d, p);
            if (wish == null) {
                return false;
            }
            String bookedDay = wishes.plainDayWords(booked, rnd);
            variant = two ? "two bookings" : "one booking";
            opening = pick(rnd, List.of(
                    "Hi, I need to move my appointment on " + bookedDay + " to " + said + " please",
                    "Can I change my booking to " + said + "?",
                    "Something's come up, can we move my appointment from " + bookedDay + " to " + said + "?",
                    "Hi, I've got a plumber booked " + bookedDay + " but can't do it now. Could you do " + said + " instead?",
                    "Move my appointment " + bookedDay + " to " + said + " pls"));
            if (two && !opening.contains(bookedDay)) {
                opening = "Hi, I need to move my " + bookedDay + " appointment to " + said + " please";
            }
            return true;
        }

        /** Work a plumber does not do, asked for as people ask a plumber: sometimes with a day for it. */
        void scope() {
            goal = Persona.Goal.DECLINE;
            Phrasebook.Foreign f = Phrasebook.FOREIGN_WORK.get(kind(Phrasebook.FOREIGN_WORK.size()));
            variant = f.kind();
            problem = new Persona.Problem(f.words(), null, f.words());
            boolean withWhen = rnd.nextBoolean();
            opening = withWhen ? f.words() + (f.words().endsWith("?") ? " " : ", ") + "could someone come "
                    + when(wish) + "?" : f.words();
        }

        /** "Boiler repair": the rules tie a repair and the water heater; the caller wants the boiler repaired. */
        void ambiguous() {
            problem = new Persona.Problem(pick(rnd, List.of("I need a boiler repair", "boiler repair please",
                    "it's a boiler repair")), "water-heater-repair", "a water heater repair");
            int k = kind(3);
            variant = List.of("with when", "problem only", "with name").get(k);
            String w = when(wish);
            opening = switch (k) {
                case 0 -> pick(rnd, List.of("Hi, I need a boiler repair, " + w + " if possible",
                        "Can I book a boiler repair for " + w + "?", "Boiler repair please, could someone come " + w + "?"));
                case 1 -> pick(rnd, List.of("Hi, I need a boiler repair", "boiler repair please",
                        "Hello, looking for a boiler repair"));
                default -> "Hi, it's " + n() + ", I need a boiler repair " + w;
            };
        }

        /** An FAQ question in words none of the entry's keywords use; the right reply is the owner's answer. */
        void faqByMeaning() {
            goal = Persona.Goal.ANSWER;
            Phrasebook.FaqQuestion q = Phrasebook.FAQ_QUESTIONS.get(kind(Phrasebook.FAQ_QUESTIONS.size()));
            variant = q.topic();
            expects = profile.faq().stream().filter(e -> e.topic().equals(q.topic())).findFirst().orElseThrow()
                    .answer();
            opening = (rnd.nextBoolean() ? pick(rnd, List.of("Hi, ", "Hello, quick question - ", "Hiya. ")) : "")
                    + q.words();
        }

        /** A patient booking at the practice: never asked where they live. */
        void dentist() {
            int shape = kind(3);
            variant = List.of("problem only", "problem+when", "problem+when+name").get(shape);
            String greeting = pick(rnd, List.of("Hi", "Hello", "Morning", "Hi there"));
            String p = problem.words();
            String w = when(wish);
            opening = switch (shape) {
                case 0 -> greeting + ", " + p + ".";
                case 1 -> pick(rnd, List.of(greeting + ", " + p + ". Have you got anything " + w + "?",
                        greeting + ", " + p + ", " + w + " if possible"));
                default -> greeting + ", " + p + ", " + w + " ideally. " + pick(rnd, List.of("I'm ", "It's "))
                        + n() + ".";
            };
        }

        /**
         * A danger in the caller's own words (written without looking at the profile's signs), then a booking of
         * the emergency call-out as soon as possible: the advice must come first, and the booking still be right.
         */
        void safety() {
            Phrasebook.Danger d = Phrasebook.DANGERS.get(kind(Phrasebook.DANGERS.size()));
            variant = d.rule() + ": " + d.words();
            problem = new Persona.Problem(d.words(), "emergency-callout", d.words());
            List<Wish.Window> soon = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                soon.add(new Wish.Window(now.toLocalDate().plusDays(i), LocalTime.MIN, LocalTime.of(23, 59)));
            }
            wish = new Wish("as soon as possible", "as soon as possible", soon);
            opening = pick(rnd, List.of("Hi, " + d.words(), d.words() + ", can someone come?",
                    "Hello, " + d.words() + ". What do I do?", cap(d.words()) + " - please help"));
        }

        /** Asks for a person (straight away, or in the middle of a booking): handed off, nothing booked. */
        void handOff() {
            goal = Persona.Goal.HAND_OFF;
            String ask = Phrasebook.PERSON_ASKS.get(kind(Phrasebook.PERSON_ASKS.size())).replace("{owner}",
                    profile.owner().name());
            boolean midway = rnd.nextDouble() < 0.4;
            variant = midway ? "after giving a name" : "straight away";
            if (midway) {
                opening = openWith(when(wish), false, false);
                twists.add(new Twist(Twist.Trigger.AFTER_NAME, ask, null, null, null, null, false));
            } else {
                opening = ask;
            }
        }

        void cancel() {
            goal = Persona.Goal.CANCEL;
            LocalDate booked = wishes.plainDay(rnd);
            existing.add(new Persona.Existing(problem.serviceId(), booked.atTime(11, 0), true));
            boolean two = rnd.nextDouble() < 0.3;
            if (two) {
                LocalDate other = booked.plusDays(1);
                while (!wishes.open(other) || other.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    other = other.plusDays(1);
                }
                existing.add(new Persona.Existing("general-repair", other.atTime(9, 0), true));
            }
            target = 0;
            String bookedDay = wishes.plainDayWords(booked, rnd);
            variant = two ? "two bookings" : "one booking";
            opening = two
                    ? pick(rnd, List.of("Hi, can you cancel my " + bookedDay + " appointment please",
                    "I need to cancel the booking on " + bookedDay + ", sorry"))
                    : pick(rnd, List.of("Hi, I need to cancel my appointment please",
                    "Can you cancel my booking for " + bookedDay + " please? Sorted it myself",
                    "I won't need the plumber " + bookedDay + " after all, can you cancel it",
                    "cancel my appointment pls", "Hello, I'd like to cancel my booking"));
        }
    }

    static String clockText(LocalTime t) {
        int h = t.getHour() > 12 ? t.getHour() - 12 : t.getHour();
        String mer = t.getHour() >= 12 ? "pm" : "am";
        return t.getMinute() == 0 ? h + mer : h + ":" + String.format("%02d", t.getMinute()) + mer;
    }

    static String clockWords(LocalTime t) {
        if (t.equals(LocalTime.NOON)) {
            return "twelve o'clock";
        }
        int h = t.getHour() > 12 ? t.getHour() - 12 : t.getHour();
        String mer = t.getHour() >= 12 ? " p m" : " a m";
        return t.getMinute() == 0 ? SpokenNumbers.words(h) + mer
                : SpokenNumbers.words(h) + " " + SpokenNumbers.words(t.getMinute()) + mer;
    }
}

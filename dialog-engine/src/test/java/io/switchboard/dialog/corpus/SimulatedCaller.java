package io.switchboard.dialog.corpus;

import io.switchboard.models.Channel;
import io.switchboard.models.ServiceType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static io.switchboard.dialog.corpus.Phrasebook.pick;
import static io.switchboard.dialog.corpus.Styler.keep;

/**
 * A caller that reads each reply (its words only, as a person would) and answers what it is asked from its persona.
 * It accepts only what matches its wish, corrects what is read back wrong (a bounded number of times), changes its
 * mind when scripted to, and gives up rather than saying "yes" to something it did not want.
 */
final class SimulatedCaller {

    /** How often the caller will correct the same thing before giving up. */
    private static final int MAX_CORRECTIONS = 2;
    /** How often the caller restates what it wants when nothing offered fits. */
    private static final int MAX_RESTATES = 2;

    private final Persona p;
    private final Random rnd;
    private final Styler styler;
    private final ReplyReader reader;
    private final List<ServiceType> services;
    private final boolean voice;

    private Wish wish;
    private PersonName name;
    private Address address;
    private LocalDateTime chosen;
    private final List<Twist> pending;
    private String followUp;
    private boolean fellBack;
    private boolean streetGiven;
    private boolean postcodeGiven;
    private boolean emailGiven;
    private boolean emailNext;
    private boolean nameJustGiven;
    private boolean firstOffersSeen;
    private LocalDateTime firstOffered;
    private int messages;
    private int restates;
    private String gaveUp;
    /** What the last message was meant to do, for grouping failures ("gives name", "yes to read-back"...). */
    private String move = "";
    private Reading.Ask lastAnswered;
    private Reading lastOffers;
    /** The bot said it booked, moved or cancelled (as the caller reads it). */
    private boolean done;
    /** A decline caller heard "we don't do that" with what the business does; an FAQ caller heard the answer. */
    private boolean declined;
    private boolean answerHeard;
    private boolean saidBye;
    private int restatedRequest;
    private final Map<Reading.Ask, Integer> answered = new EnumMap<>(Reading.Ask.class);
    private final Map<String, Integer> corrections = new java.util.HashMap<>();

    SimulatedCaller(Persona p, long seed, List<ServiceType> services) {
        this.p = p;
        this.rnd = new Random(seed);
        this.styler = new Styler(rnd, p.channel());
        this.reader = new ReplyReader(p.now().toLocalDate());
        this.services = services;
        this.voice = p.channel() == Channel.VOICE;
        this.wish = p.wish();
        this.name = p.name();
        this.address = p.address();
        this.pending = new ArrayList<>(p.twists());
        this.emailGiven = p.email() != null && p.variant().equals("in first message");
    }

    // ---- what the judge needs: the caller's final intent ----

    Wish wish() {
        return wish;
    }

    LocalDateTime chosen() {
        return chosen;
    }

    PersonName name() {
        return name;
    }

    Address address() {
        return address;
    }

    String gaveUp() {
        return gaveUp;
    }

    String lastMove() {
        return move;
    }

    boolean declined() {
        return declined;
    }

    boolean answerHeard() {
        return answerHeard;
    }

    Reading read(String reply) {
        return reader.read(reply);
    }

    String first() {
        messages++;
        move = "opening message";
        return styler.style(p.opening());
    }

    /** The next message in answer to {@code reply}, or null when the caller hangs up or gives up. */
    String next(String reply) {
        messages++;
        Reading r = reader.read(reply);
        String low = reply.toLowerCase(Locale.ROOT);
        if (low.matches("(?s).*\\b((?<!fully )booked(?! up)|you're booked|i've moved|moved your|cancelled|all set|confirmed)\\b.*")
                && r.ask() != Reading.Ask.CONFIRM) {
            done = true;
        }
        if (p.goal() == Persona.Goal.DECLINE || p.goal() == Persona.Goal.ANSWER) {
            if (saidBye) {
                gaveUp = "hangs up, done";
                return null;
            }
            String outcome = heardOutcome(r, low);
            if (outcome != null) {
                return styler.style(outcome);
            }
            if (gaveUp != null) {
                return null;
            }
        }
        String scripted = scripted(r);
        if (scripted != null) {
            return styler.style(scripted);
        }
        String answer = answer(r, reply);
        return answer == null ? null : styler.style(answer);
    }

    private String scripted(Reading r) {
        if (nameJustGiven) {
            nameJustGiven = false;
            Twist t = take(Twist.Trigger.AFTER_NAME);
            if (t != null) {
                return apply(t, r);
            }
        }
        if (emailNext) {
            emailNext = false;
            emailGiven = true;
            move = "volunteers email";
            return pick(rnd, List.of("Oh and my email is " + keep(emailSaid()) + " for the confirmation",
                    "Can you email me too? It's " + keep(emailSaid())));
        }
        if (r.offersTimes() && r.ask() != Reading.Ask.CONFIRM) {
            if (!firstOffersSeen) {
                firstOffersSeen = true;
                firstOffered = earliest(r);
            }
            Twist t = take(Twist.Trigger.FIRST_OFFERS);
            if (t == null) {
                t = take(Twist.Trigger.FIRST_PROPOSAL);
            }
            if (t != null) {
                return apply(t, r);
            }
        }
        if (r.ask() == Reading.Ask.CONFIRM) {
            Twist t = take(Twist.Trigger.FIRST_CONFIRM);
            if (t == null) {
                t = take(Twist.Trigger.FIRST_PROPOSAL);
            }
            if (t != null) {
                return apply(t, r);
            }
        }
        if (wish.windows().isEmpty() && !fellBack && p.fallback() != null) {
            // asked for a day the business cannot do; whatever the reply, settle for the fallback
            fellBack = true;
            wish = p.fallback();
            chosen = null;
            move = "settles for another day";
            return pick(rnd, List.of("Oh ok. " + cap(wish.said()) + " then?", "Ah right, what about " + wish.said() + " then",
                    "OK no worries, " + wish.said() + " instead please"));
        }
        if (followUp != null && r.ask() == Reading.Ask.CONFIRM && proposed(r) != null && wish.contains(proposed(r))) {
            followUp = null; // the bot already has the change
        }
        if (followUp != null && r.ask() != Reading.Ask.DAY_TIME && r.ask() != Reading.Ask.NAME
                && r.ask() != Reading.Ask.ADDRESS && r.ask() != Reading.Ask.PHONE && r.ask() != Reading.Ask.PHONE_CHECK) {
            String f = followUp;
            followUp = null;
            move = "says what to change";
            return f;
        }
        return null;
    }

    /**
     * A caller who asked for something the business does not do, or asked a question: a reply that says no and what
     * the business does (or that answers the question) ends the call with thanks; one that does neither is answered
     * like any other (they play along with a booking a person would not stop), and an "I don't know" to the
     * question makes them give up. Null when the call goes on.
     */
    private String heardOutcome(Reading r, String low) {
        if (saidBye) {
            return null;
        }
        if (p.goal() == Persona.Goal.DECLINE && !declined && low.matches("(?s).*\\b(not something we|we don't|we do not"
                + "|can't help with|isn't something we)\\b.*")
                && services.stream().anyMatch(s -> low.contains(s.name().toLowerCase(Locale.ROOT)))) {
            declined = true;
        }
        if (p.goal() == Persona.Goal.ANSWER && !answerHeard && plain(low).contains(plain(p.expects()))) {
            answerHeard = true;
        }
        if (declined || answerHeard) {
            saidBye = true;
            move = "thanks and goodbye";
            return declined ? pick(rnd, List.of("Ah ok, no worries. Bye", "Oh right, thanks anyway", "ok thanks, bye"))
                    : pick(rnd, List.of("Great, thanks. That's all, bye", "Lovely, thank you", "ok cheers, bye"));
        }
        if (p.goal() == Persona.Goal.ANSWER && (r.ask() == Reading.Ask.ANYTHING_ELSE
                || r.ask() == Reading.Ask.NOT_UNDERSTOOD || low.contains("not sure"))) {
            gaveUp = "question not answered";
        }
        return null;
    }

    /** An answer as a caller compares it: words and numbers only, a spoken "85 pounds" as the written "£85". */
    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("£\\s?([0-9][0-9,]*)", "$1 pounds").replace(",", "")
                .replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
    }

    private Twist take(Twist.Trigger trigger) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).trigger() == trigger) {
                return pending.remove(i);
            }
        }
        return null;
    }

    private String apply(Twist t, Reading r) {
        if (t.sooner()) {
            LocalDateTime before = firstOffered != null ? firstOffered : earliest(r);
            wish = soonerThan(before);
            chosen = null;
        }
        if (t.newWish() != null) {
            wish = t.newWish();
            chosen = null;
        }
        if (t.newName() != null) {
            name = t.newName();
        }
        if (t.newAddress() != null) {
            address = t.newAddress();
            streetGiven = true;
            postcodeGiven = true;
        }
        followUp = t.followUp();
        move = t.sooner() ? "asks for sooner" : t.followUp() != null ? "bare no" : t.newName() != null ? "corrects name"
                : t.newAddress() != null ? "corrects address" : "changes day/time";
        return t.line();
    }

    /** Any open start from now until just before the first time offered. */
    private Wish soonerThan(LocalDateTime before) {
        List<Wish.Window> ws = new ArrayList<>();
        if (before != null) {
            for (LocalDate d = p.now().toLocalDate(); !d.isAfter(before.toLocalDate()); d = d.plusDays(1)) {
                LocalTime to = d.equals(before.toLocalDate()) ? before.toLocalTime().minusMinutes(1) : LocalTime.of(17, 30);
                ws.add(new Wish.Window(d, LocalTime.of(0, 0), to));
            }
        }
        return new Wish("as soon as possible", "as soon as possible", ws);
    }

    private static LocalDateTime earliest(Reading r) {
        LocalDateTime e = null;
        for (LocalDateTime o : r.options()) {
            e = e == null || o.isBefore(e) ? o : e;
        }
        for (Reading.Span s : r.ranges()) {
            LocalDateTime t = s.day().atTime(s.from());
            e = e == null || t.isBefore(e) ? t : e;
        }
        return e;
    }

    private String answer(Reading r, String reply) {
        int n = answered.merge(r.ask(), 1, Integer::sum);
        Reading.Ask ask = r.ask();
        if (ask == Reading.Ask.OFFERS && !r.offersTimes() && lastOffers != null) {
            // "which of those times would you like?": the times are the ones just offered
            r = lastOffers;
        }
        if (r.offersTimes()) {
            lastOffers = r;
        }
        if (p.goal() == Persona.Goal.RESCHEDULE && (ask == Reading.Ask.SERVICE || ask == Reading.Ask.GREETING)) {
            return restateGoal();
        }
        if (ask == Reading.Ask.WHICH_SERVICE) {
            move = "says which service";
            return whichService();
        }
        if (p.goal() == Persona.Goal.CANCEL && (ask == Reading.Ask.DAY_TIME || ask == Reading.Ask.SERVICE
                || ask == Reading.Ask.OFFERS || ask == Reading.Ask.GREETING)) {
            return restateGoal();
        }
        if (ask != Reading.Ask.OTHER && ask != Reading.Ask.NOT_UNDERSTOOD) {
            lastAnswered = ask;
        }
        move = switch (ask) {
            case GREETING -> "states request";
            case SERVICE -> "describes problem";
            case DAY_TIME -> "says day/time";
            case NAME -> "gives name";
            case PHONE_CHECK -> p.phoneSaid() == null ? "yes to number" : "gives another number";
            case PHONE -> "gives number";
            case ADDRESS -> "gives address";
            case POSTCODE -> "gives postcode";
            case EMAIL -> "gives email";
            case WHICH_APPOINTMENT -> "says which booking";
            case WHAT_TO_CHANGE -> "says what to change";
            case ANYTHING_ELSE -> done ? "no thanks" : "still wants the booking";
            default -> "rephrases";
        };
        switch (ask) {
            case GREETING:
                return n == 1 ? p.opening() : restateGoal();
            case SERVICE:
                if (p.goal() == Persona.Goal.DECLINE || p.goal() == Persona.Goal.ANSWER) {
                    return restateGoal(); // what they called about is the request or the question itself
                }
                return n == 1 ? cap(p.problem().words()) : cap(p.problem().plainWords());
            case DAY_TIME:
                followUp = null;
                return dayTime(n);
            case OFFERS:
                return choose(r);
            case NAME:
                nameJustGiven = true;
                return nameAnswer(n);
            case PHONE_CHECK:
                if (p.phoneSaid() == null) {
                    return pick(rnd, List.of("yes", "Yes", "yes that's fine", "Yep", "yeah"));
                }
                return pick(rnd, List.of("No, use " + keep(phoneSaid()) + " instead", "no can you use " + keep(phoneSaid()),
                        "No, it's better on " + keep(phoneSaid())));
            case PHONE:
                return pick(rnd, List.of(keep(phoneSaid()), "It's " + keep(phoneSaid())));
            case ADDRESS:
                if (p.comesIn()) {
                    return pick(rnd, List.of("I'll come to you", "I'm coming to the practice", "I'll be coming in"));
                }
                return addressAnswer(n);
            case POSTCODE:
                postcodeGiven = true;
                String pc = voice ? address.spokenPostcode() : styler.texterLowerCase() ? address.postcode().toLowerCase(Locale.ROOT) : address.postcode();
                return pick(rnd, List.of(keep(pc), "It's " + keep(pc)));
            case EMAIL:
                if (p.email() == null) {
                    return pick(rnd, List.of("No thanks", "no, text is fine", "I'd rather not"));
                }
                emailGiven = true;
                return pick(rnd, List.of(keep(emailSaid()), "It's " + keep(emailSaid())));
            case CONFIRM:
                return confirm(r, reply);
            case WHICH_APPOINTMENT:
                return "The " + dayWords(p.existing().get(p.target()).start().toLocalDate()) + " one";
            case WHAT_TO_CHANGE:
                return chosen != null ? "The time, I wanted " + timeWords(chosen) : "The day, I need " + wish.said();
            case ANYTHING_ELSE:
                if (!done) {
                    // they answered my question but I still want what I called for
                    return pick(rnd, List.of("Yes, can I book that? ", "Yes please, I'd like to book. "))
                            + restateGoal();
                }
                return pick(rnd, List.of("No that's all thanks", "no thanks", "That's everything, cheers"));
            case NOT_UNDERSTOOD:
            case OTHER:
            default:
                return rephrase(n);
        }
    }

    /** "Is that a repair, or a new one fitted?", answered from what the caller wants, in their own words. */
    private String whichService() {
        String id = p.problem().serviceId();
        if (id != null && id.contains("install")) {
            return pick(rnd, List.of("A new one fitted please", "New one, the old one's had it", "a new one"));
        }
        if (id != null && id.contains("repair")) {
            return pick(rnd, List.of("A repair please", "It's a repair", "repair, it's just broken",
                    "the repair"));
        }
        return cap(p.problem().plainWords());
    }

    private String restateGoal() {
        move = "restates request";
        if (p.goal() == Persona.Goal.DECLINE || p.goal() == Persona.Goal.ANSWER) {
            if (restatedRequest++ > 0) {
                gaveUp = "asked twice";
                return null;
            }
            return p.opening();
        }
        if (p.goal() == Persona.Goal.CANCEL) {
            return pick(rnd, List.of("I want to cancel my appointment", "No, I need to cancel my booking",
                    "cancel my " + dayWords(p.existing().get(p.target()).start().toLocalDate()) + " appointment please"));
        }
        if (p.goal() == Persona.Goal.RESCHEDULE) {
            return pick(rnd, List.of("I want to move my appointment on ", "I need to change my booking on "))
                    + dayWords(p.existing().get(p.target()).start().toLocalDate()) + " to " + wish.said();
        }
        return cap(p.problem().words()) + ", " + wish.said();
    }

    private String dayTime(int n) {
        if (chosen != null) {
            return dayWords(chosen.toLocalDate()) + " at " + timeWords(chosen);
        }
        if (n > 1 && p.wish().windows().isEmpty()) {
            return wish.said();
        }
        return pick(rnd, List.of(cap(wish.said()), cap(wish.said()) + " please", cap(wish.said()) + " if possible",
                "Ideally " + wish.said()));
    }

    private String nameAnswer(int n) {
        String nm = keep(name.said(voice));
        return switch ((n + rnd.nextInt(3)) % 4) {
            case 0 -> nm;
            case 1 -> "It's " + nm;
            case 2 -> "My name is " + nm;
            default -> voice ? "yeah it's " + nm : nm + " thanks";
        };
    }

    private String addressAnswer(int n) {
        if (p.streetFirst() && !streetGiven) {
            streetGiven = true;
            move = "gives street only";
            String street = voice ? address.spoken(false) : address.typed(rnd, styler.texterLowerCase(), false);
            return pick(rnd, List.of(keep(street), "It's " + keep(street)));
        }
        streetGiven = true;
        postcodeGiven = true;
        String a = voice ? address.spoken(true) : address.typed(rnd, styler.texterLowerCase(), true);
        String base = pick(rnd, List.of(keep(a), "It's " + keep(a), keep(a) + " thanks"));
        if (p.email() != null && !emailGiven && p.variant().equals("with the address")) {
            emailGiven = true;
            return base + ", and my email is " + keep(emailSaid());
        }
        if (p.email() != null && !emailGiven && p.variant().equals("after the address")) {
            emailNext = true;
        }
        return base;
    }

    private String choose(Reading r) {
        List<LocalDateTime> fits = new ArrayList<>();
        for (LocalDateTime o : r.options()) {
            if (chosen != null ? o.equals(chosen) : wish.contains(o)) {
                fits.add(o);
            }
        }
        if (!fits.isEmpty()) {
            int count = r.options().size();
            if (p.pickStyle() != null && count >= 2) {
                LocalDateTime pickT = fits.get(rnd.nextInt(fits.size()));
                int index = r.options().indexOf(pickT);
                String phrase = pickPhrase(index, count);
                if (phrase != null) {
                    chosen = pickT;
                    move = "picks by position";
                    return phrase;
                }
            }
            LocalDateTime t = fits.get(rnd.nextInt(fits.size()));
            if (wish.exact()) {
                t = wish.windows().get(0).day().atTime(wish.windows().get(0).from());
                if (!fits.contains(t)) {
                    t = fits.get(0);
                }
            }
            chosen = t;
            move = "picks an offered time";
            return sayTime(t, r.options().stream().map(LocalDateTime::toLocalDate).distinct().count() > 1);
        }
        for (Reading.Span s : r.ranges()) {
            LocalDateTime t = fitInSpan(s);
            if (t != null) {
                chosen = t;
                move = "picks a time in an offered range";
                return sayTime(t, r.ranges().size() > 1);
            }
        }
        restates++;
        move = "restates wish (nothing offered fits)";
        if (restates > MAX_RESTATES) {
            gaveUp = "nothing offered fits the wish";
            return null;
        }
        if (chosen != null) {
            return pick(rnd, List.of("No, I said " + timeWords(chosen), "I wanted " + dayWords(chosen.toLocalDate())
                    + " at " + timeWords(chosen)));
        }
        return pick(rnd, List.of("Have you got anything " + wish.said() + "?", "No, I need " + wish.said(),
                "None of those work, I said " + wish.said()));
    }

    private LocalDateTime fitInSpan(Reading.Span s) {
        for (Wish.Window w : wish.windows()) {
            if (!w.day().equals(s.day())) {
                continue;
            }
            if (chosen != null) {
                return !chosen.toLocalTime().isBefore(s.from()) && chosen.toLocalTime().isBefore(s.to()) ? chosen : null;
            }
            LocalTime last = s.to().minusMinutes(60);
            if (w.exact() && !w.from().isBefore(s.from()) && !w.from().isAfter(last)) {
                return w.day().atTime(w.from());
            }
            LocalTime t = w.from().isBefore(s.from()) ? s.from() : w.from();
            if (t.getMinute() % 30 != 0) {
                t = t.plusMinutes(30 - t.getMinute() % 30);
            }
            if (!t.isAfter(w.to()) && !t.isAfter(last)) {
                return w.day().atTime(t);
            }
        }
        return null;
    }

    private String pickPhrase(int index, int count) {
        String[] ord = {"first", "second", "third", "fourth", "fifth"};
        if (index >= ord.length) {
            return null;
        }
        return switch (p.pickStyle()) {
            case "digit" -> voice ? SpokenNumbers.words(index + 1) : String.valueOf(index + 1);
            case "option" -> "option " + (index + 1);
            case "later" -> count == 2 ? (index == 1 ? "the later one" : "the earlier one") : "the " + ord[index] + " one";
            case "first" -> index == 0 ? pick(rnd, List.of("the first one", "first one please", "1st one"))
                    : "the " + ord[index] + " one";
            case "last" -> index == count - 1 ? pick(rnd, List.of("the last one", "last one pls"))
                    : "the " + ord[index] + " one";
            default -> pick(rnd, List.of("the " + ord[index] + " one", ord[index] + " one please",
                    "the " + ord[index] + " please"));
        };
    }

    private String sayTime(LocalDateTime t, boolean withDay) {
        String time = timeWords(t);
        String s = withDay ? dayWords(t.toLocalDate()) + " at " + time : time;
        return pick(rnd, List.of(s + " please", s + " is good", s + " works", "I'll take " + s, s));
    }

    private String confirm(Reading r, String reply) {
        String low = reply.toLowerCase(Locale.ROOT);
        if (p.goal() == Persona.Goal.CANCEL) {
            LocalDateTime mine = p.existing().get(p.target()).start();
            if (r.proposal() != null && !r.proposal().equals(mine)
                    && p.existing().stream().anyMatch(e -> e.start().equals(r.proposal()))) {
                return correct("which", "No, the " + dayWords(mine.toLocalDate()) + " one");
            }
            return yes();
        }
        LocalDateTime proposed = proposed(r);
        if (proposed != null) {
            boolean ok = chosen != null ? proposed.equals(chosen) : wish.contains(proposed);
            if (!ok) {
                String want = chosen != null ? dayWords(chosen.toLocalDate()) + " at " + timeWords(chosen) : wish.said();
                return correct("time", pick(rnd, List.of("No, I wanted " + want, "That's not right, I said " + want)));
            }
        }
        if (p.goal() == Persona.Goal.BOOK) {
            for (ServiceType s : services) {
                if (!s.id().equals(p.problem().serviceId()) && low.contains(s.name().toLowerCase(Locale.ROOT))
                        && !low.contains(serviceName().toLowerCase(Locale.ROOT))) {
                    return correct("service", "No, it's for " + p.problem().plainWords().replaceFirst("^I need ", ""));
                }
            }
            if (low.contains("@")) {
                return correct("address", "No, that's my email. The address is " + keep(fullAddress()));
            }
            // a booking read-back should say where; anything but my full address is corrected
            if (!p.comesIn() && !AddressMatch.matches(reply, address)) {
                return correct("address", pick(rnd, List.of("No, the full address is " + keep(fullAddress()),
                        "That's not the whole address, it's " + keep(fullAddress()))));
            }
            String first = name.said(voice).split(" ")[0].toLowerCase(Locale.ROOT);
            String last = name.lastWord(voice).toLowerCase(Locale.ROOT);
            if (first.length() > 2 && containsWord(low, first) && !containsWord(low, last)) {
                return correct("name", "No, my name is " + keep(name.said(voice)));
            }
        }
        return yes();
    }

    private static boolean containsWord(String text, String word) {
        return java.util.regex.Pattern.compile("(?<![\\p{L}'])" + java.util.regex.Pattern.quote(word) + "(?![\\p{L}'])")
                .matcher(text).find();
    }

    /** The time a confirmation puts to me: for a move, the new time (the last one read out). */
    private LocalDateTime proposed(Reading r) {
        return p.goal() == Persona.Goal.RESCHEDULE ? r.proposalLast() : r.proposal();
    }

    private String serviceName() {
        return services.stream().filter(s -> s.id().equals(p.problem().serviceId())).findFirst().orElseThrow().name();
    }

    private String correct(String field, String line) {
        move = "corrects read-back " + field;
        if (corrections.merge(field, 1, Integer::sum) > MAX_CORRECTIONS) {
            gaveUp = "read-back still wrong (" + field + ")";
            return null;
        }
        return line;
    }

    private String yes() {
        move = "yes to read-back";
        List<String> yeses = new ArrayList<>(List.of("yes", "Yes please", "yep", "Yes that's right", "Perfect, yes",
                "yeah go ahead", "Yes, book it"));
        if (p.channel() == Channel.WHATSAPP) {
            yeses.add("yes 👍");
        }
        return pick(rnd, yeses);
    }

    private String rephrase(int n) {
        if (n > 3) {
            gaveUp = "bot kept not understanding";
            return null;
        }
        if (lastAnswered == Reading.Ask.NAME) {
            return "My name is " + keep(name.said(voice));
        }
        if (lastAnswered == Reading.Ask.ADDRESS || lastAnswered == Reading.Ask.POSTCODE) {
            return "The address is " + keep(fullAddress());
        }
        if (lastAnswered == Reading.Ask.OFFERS || lastAnswered == Reading.Ask.DAY_TIME) {
            return chosen != null ? dayWords(chosen.toLocalDate()) + " at " + timeWords(chosen) : cap(wish.said());
        }
        return restateGoal();
    }

    private String fullAddress() {
        return voice ? address.spoken(true) : address.full();
    }

    private String phoneSaid() {
        String national = p.phoneSaid() != null ? p.phoneSaid() : "0" + p.phone().substring(3, 7) + " " + p.phone().substring(7);
        return voice ? SpokenNumbers.phoneSpoken(national) : national;
    }

    private String emailSaid() {
        return voice ? p.email().replace(".", " dot ").replace("@", " at ").replace("_", " underscore ") : p.email();
    }

    private String dayWords(LocalDate d) {
        if (d.equals(p.now().toLocalDate().plusDays(1))) {
            return "tomorrow";
        }
        if (d.isAfter(p.now().toLocalDate().plusDays(6))) {
            return Wishes.dayName(d) + " the " + (voice ? SpokenNumbers.ordinal(d.getDayOfMonth())
                    : Wishes.ordinalSuffix(d.getDayOfMonth()));
        }
        return Wishes.dayName(d);
    }

    private String timeWords(LocalDateTime t) {
        LocalTime lt = t.toLocalTime();
        if (voice) {
            return CorpusGenerator.clockWords(lt);
        }
        return pick(rnd, List.of(CorpusGenerator.clockText(lt), String.format("%d:%02d", lt.getHour(), lt.getMinute())));
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package io.switchboard.dialog.corpus;

import java.util.List;
import java.util.Random;

/**
 * The corpus's own words: people, streets and problems as UK callers and texters give them. Written for this corpus
 * from how people talk, not from the engine's rules.
 */
final class Phrasebook {

    private Phrasebook() {
    }

    static <T> T pick(Random rnd, List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    /** Everyday names for the categories that are not about names. */
    static final List<String> PLAIN_NAMES = List.of("Sarah Mitchell", "Tom Baker", "Laura Bennett", "Gary Hughes",
            "Priya Shah", "Ben Carter", "Hannah Wright", "Dan Price", "Emma Lewis", "Mark Turner", "Rachel Adams",
            "Jamal Ahmed", "Kirsty Hall", "Lee Roberts", "Sophie Ward", "Matt Cooper", "Nadia Khan", "Pete Morgan",
            "Claire Watson", "Steve Collins", "Joanne Hill", "Ravi Patel", "Lucy Fisher", "Craig Edwards");

    /** A name worth testing, with what makes it hard. {@code title} is the leading title, if any. */
    record HardName(String kind, String typed, String heard, String title) {
    }

    static final List<HardName> HARD_NAMES = List.of(
            new HardName("apostrophe", "Siobhan O'Neill", "siobhan o'neill", ""),
            new HardName("apostrophe", "Liam D'Arcy", "liam d'arcy", ""),
            new HardName("apostrophe", "Ciara O'Sullivan", "ciara o'sullivan", ""),
            new HardName("hyphen", "Rhys Price-Jones", "rhys price jones", ""),
            new HardName("hyphen", "Kate Ashworth-Lee", "kate ashworth lee", ""),
            new HardName("apostrophe+hyphen", "Mary O'Neill-Hughes", "mary o'neill hughes", ""),
            new HardName("apostrophe+hyphen", "Sean D'Souza-Clarke", "sean d'souza clarke", ""),
            new HardName("accent", "Zoë Clarke", "zoe clarke", ""),
            new HardName("accent", "José Álvarez", "jose alvarez", ""),
            new HardName("accent", "Renée Dubois", "renee dubois", ""),
            new HardName("accent", "Siân Evans", "sian evans", ""),
            new HardName("accent", "Łukasz Nowak", "lukasz nowak", ""),
            new HardName("-ly surname", "Aoife Donnelly", "aoife donnelly", ""),
            new HardName("-ly surname", "Beverly Knight", "beverly knight", ""),
            new HardName("-ly surname", "Mark Connolly", "mark connolly", ""),
            new HardName("-ly surname", "Sally Daly", "sally daly", ""),
            new HardName("-ly surname", "Holly Beverley", "holly beverley", ""),
            new HardName("-ly surname", "Kelly Reilly", "kelly reilly", ""),
            new HardName("title+initial", "Mrs J. Okafor", "mrs j okafor", "Mrs"),
            new HardName("title+initial", "Miss K. Shelley", "miss k shelley", "Miss"),
            new HardName("title", "Dr Anita Rao", "doctor anita rao", "Dr"),
            new HardName("title", "Mr Dennis Bowly", "mr dennis bowly", "Mr"),
            new HardName("title", "Ms Ruth Ely", "ms ruth ely", "Ms"),
            new HardName("initials", "J. R. Hartley", "j r hartley", ""),
            new HardName("initials", "A.J. Patel", "a j patel", ""),
            new HardName("multi-word", "Nguyen Van An", "nguyen van an", ""),
            new HardName("multi-word", "Maria de la Cruz", "maria de la cruz", ""),
            new HardName("multi-word", "Ana Lucia Ferreira", "ana lucia ferreira", ""),
            new HardName("multi-word", "Jan van der Berg", "jan van der berg", ""),
            new HardName("multi-word", "Mohammed Al Rashid", "mohammed al rashid", ""),
            new HardName("lower case", "aoife donnelly", "aoife donnelly", ""),
            new HardName("single", "Oluwaseun", "oluwaseun", ""));

    record Street(String street, String postcode) {
    }

    static final List<Street> STREETS = List.of(new Street("Picton Street", "BS6 5QA"),
            new Street("Gloucester Road", "BS7 8AA"), new Street("Cotham Hill", "BS6 6LA"),
            new Street("North Street", "BS3 1HW"), new Street("Whiteladies Road", "BS8 2PH"),
            new Street("Coronation Road", "BS3 1AS"), new Street("Fishponds Road", "BS16 3AN"),
            new Street("Wells Road", "BS4 2AX"), new Street("Sandy Park Road", "BS4 3PH"),
            new Street("Cheltenham Road", "BS6 5RA"), new Street("Church Road", "BS5 9JA"),
            new Street("Bath Road", "BS4 3EH"), new Street("Ashley Down Road", "BS7 9JN"),
            new Street("Zetland Road", "BS6 7AG"), new Street("Filton Avenue", "BS7 0AQ"),
            new Street("Chessel Street", "BS3 3DN"), new Street("Ducie Road", "BS5 0AX"),
            new Street("Hotwell Road", "BS8 4UB"), new Street("Redland Grove", "BS6 6PR"),
            new Street("Stackpool Road", "BS3 1NG"));

    static final List<String> FLAT_PREFIXES = List.of("Flat 2", "Flat 4B", "Flat 12", "Basement Flat",
            "Ground Floor Flat", "Top Floor Flat", "Unit 3", "Unit 14", "Flat 1", "First Floor Flat");

    /** What is wrong, as a caller puts it, the service it is, and how they'd say it plainly if not understood. */
    static final List<Persona.Problem> PROBLEMS = List.of(
            new Persona.Problem("my kitchen sink is blocked and won't drain", "drain-cleaning", "I need a drain cleaning"),
            new Persona.Problem("the shower's draining really slowly, think it's blocked", "drain-cleaning", "drain cleaning please"),
            new Persona.Problem("the outside drain is backing up and it stinks", "drain-cleaning", "I need the drain cleaned"),
            new Persona.Problem("our toilet's blocked again", "drain-cleaning", "I need a drain cleaning"),
            new Persona.Problem("the bath won't drain", "drain-cleaning", "drain cleaning"),
            new Persona.Problem("the tap in the bathroom has been dripping all week", "general-repair", "a general repair for a dripping tap"),
            new Persona.Problem("the toilet keeps running after you flush", "general-repair", "I need a general repair"),
            new Persona.Problem("radiator in the front room is leaking a bit", "general-repair", "general repair please, leaking radiator"),
            new Persona.Problem("there's a small leak under the kitchen sink", "general-repair", "a general repair"),
            new Persona.Problem("the outside tap drips", "general-repair", "general repair for a tap"),
            new Persona.Problem("no hot water since yesterday", "water-heater-repair", "water heater repair"),
            new Persona.Problem("the boiler's stopped giving us hot water", "water-heater-repair", "I need a water heater repair"),
            new Persona.Problem("the immersion heater isn't heating up", "water-heater-repair", "water heater repair please"),
            new Persona.Problem("hot water cylinder is making a banging noise", "water-heater-repair", "a water heater repair"));

    /** Dental problems as patients put them, the service each needs, and the plain way to say it. */
    static final List<Persona.Problem> DENTAL_PROBLEMS = List.of(
            new Persona.Problem("I'd like to book a check-up", "check-up", "a check-up"),
            new Persona.Problem("it's been a while since my last checkup, can I come in for one", "check-up", "a check-up please"),
            new Persona.Problem("I need a scale and polish", "hygienist", "a hygienist appointment"),
            new Persona.Problem("can I see the hygienist", "hygienist", "a hygienist appointment"),
            new Persona.Problem("I've lost a filling", "filling", "I need a filling"),
            new Persona.Problem("there's a hole in my tooth", "filling", "a filling please"));

    /** Work a plumber does not do, as a caller asks for it, with what kind of work it is. */
    record Foreign(String kind, String words) {
    }

    static final List<Foreign> FOREIGN_WORK = List.of(
            new Foreign("car", "Do you fix cars?"),
            new Foreign("electrical", "I need an electrician to put some new sockets in"),
            new Foreign("roof", "Can you fix my roof? A few tiles have come off"),
            new Foreign("electrical", "My lights keep tripping the fuse box"),
            new Foreign("car", "Can you service my car, it's making a funny noise"),
            new Foreign("decorating", "I need my living room painted"),
            new Foreign("electrical", "Could you rewire my kitchen?"),
            new Foreign("tech", "My laptop won't turn on, can you repair it?"));

    /** An FAQ question in other words: none of the entry's keywords in it. Written before any was tried. */
    record FaqQuestion(String topic, String words) {
    }

    static final List<FaqQuestion> FAQ_QUESTIONS = List.of(
            new FaqQuestion("hours", "What time do you finish for the day?"),
            new FaqQuestion("prices", "Are you expensive?"),
            new FaqQuestion("area", "Do you go as far as Portishead?"),
            new FaqQuestion("payment", "Do you accept bank transfers?"),
            new FaqQuestion("hours", "What days are you working?"),
            new FaqQuestion("prices", "What sort of money are we talking for an hour of your time?"),
            new FaqQuestion("area", "Which towns do you work in?"),
            new FaqQuestion("payment", "Can I settle up by bank transfer?"),
            new FaqQuestion("hours", "When do you knock off in the evening?"),
            new FaqQuestion("area", "How far out of Bristol do you go?"));

    /** Four-hour installs, only offered with morning wishes so a slot exists. */
    static final List<Persona.Problem> INSTALLS = List.of(
            new Persona.Problem("we want a tankless water heater fitted to replace the old tank", "tankless-installation",
                    "a tankless water heater installation"),
            new Persona.Problem("looking to get a tankless water heater put in", "tankless-installation",
                    "tankless water heater installation"));

    static final List<String> EMAIL_USERS = List.of("sarah.m", "tombaker77", "laura_b", "gh.plumbing.enquiry",
            "priya.shah", "bencarter", "h.wright", "danp", "emmalewis01");
    static final List<String> EMAIL_DOMAINS = List.of("gmail.com", "hotmail.co.uk", "outlook.com", "btinternet.com",
            "yahoo.co.uk");

    /** A danger as a caller puts it, and the profile rule it should meet (written apart from the rule's signs). */
    record Danger(String rule, String words) {
    }

    static final List<Danger> DANGERS = List.of(
            new Danger("gas", "I think I can smell gas coming from the boiler cupboard"),
            new Danger("water-electrics", "water's coming through my bathroom ceiling"),
            new Danger("gas", "there's a funny gas smell in the kitchen"),
            new Danger("water-electrics", "a pipe's burst under the sink and it's everywhere"),
            new Danger("gas", "our carbon monoxide detector has started going off"),
            new Danger("water-electrics", "there's water dripping through the ceiling light"),
            new Danger("gas", "the CO alarm won't stop beeping"),
            new Danger("water-electrics", "the kitchen ceiling is leaking water really badly"),
            new Danger("gas", "it smells like gas near the cooker"),
            new Danger("water-electrics", "burst pipe in the airing cupboard"),
            new Danger("gas", "there's a strong gas odour in the hall"),
            new Danger("water-electrics", "water pouring from the ceiling downstairs"));

    /** Asking for a person, as people do; {owner} is the owner's name. */
    static final List<String> PERSON_ASKS = List.of(
            "Can I talk to {owner}?", "I'd rather speak to a real person", "is {owner} about?",
            "Can someone just call me back", "can i speak to someone please", "put me through to a human",
            "I want to talk to the owner", "could {owner} ring me back", "Can I have a callback please",
            "are you a bot? i want a person", "Can I speak with one of the team", "get {owner} to call me");
}

package io.switchboard.dialog.understanding;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The given names and surnames most common in Britain and the United States (census and birth-register rankings, not
 * any caller list). Two users: the recogniser's name grammar (what a name answer may be made of) and the reading of a
 * spoken name, where a hypothesis made of known names ("john smith") is preferred over one that only looks like a
 * name because a word follows it ("johnson said"). Being absent proves nothing: Okafor and Nguyen-Van are names.
 */
public final class CommonNames {

    private static final List<String> GIVEN = List.of(
            "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "tom", "charles",
            "christopher", "chris", "daniel", "dan", "matthew", "matt", "anthony", "mark", "paul", "steven", "steve",
            "andrew", "andy", "kenneth", "joshua", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason",
            "jeffrey", "ryan", "jacob", "gary", "nicholas", "nick", "eric", "jonathan", "stephen", "larry", "justin",
            "scott", "brandon", "benjamin", "ben", "samuel", "sam", "gregory", "frank", "alexander", "alex", "patrick",
            "peter", "harry", "jack", "oliver", "charlie", "noah", "leo", "oscar", "henry", "arthur", "alfie", "freddie",
            "luke", "adam", "simon", "martin", "ian", "neil", "graham", "colin", "philip", "phil", "keith", "alan",
            "craig", "lee", "dean", "carl", "sean", "liam", "connor", "callum", "jamie", "joe", "ted", "tony", "bill",
            "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
            "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "emily", "donna", "michelle", "carol", "amanda",
            "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
            "angela", "helen", "anna", "anne", "ann", "emma", "olivia", "sophie", "sophia", "amelia", "isla", "ava",
            "mia", "grace", "lily", "ella", "chloe", "lucy", "ruby", "hannah", "charlotte", "jane", "julie", "claire",
            "rachel", "kate", "katie", "catherine", "victoria", "louise", "nicola", "joanne", "gemma", "natalie",
            "alice", "jenny", "joan", "janet", "jean", "judith", "rose", "ellie", "holly", "megan", "zoe", "amber",
            "jade", "kelly", "tracy", "wendy", "diane", "pauline", "sue", "liz", "beth", "maria", "fiona", "heather");

    private static final List<String> SURNAMES = List.of(
            "smith", "jones", "williams", "taylor", "brown", "davies", "davis", "evans", "wilson", "thomas", "johnson",
            "roberts", "robinson", "thompson", "wright", "walker", "white", "edwards", "hughes", "green", "hall",
            "lewis", "harris", "clarke", "clark", "patel", "jackson", "wood", "turner", "martin", "cooper", "hill",
            "ward", "morris", "moore", "lee", "king", "baker", "harrison", "morgan", "allen", "james", "scott",
            "phillips", "watson", "parker", "price", "bennett", "young", "griffiths", "mitchell", "kelly", "cook",
            "carter", "richardson", "bailey", "collins", "bell", "shaw", "murphy", "miller", "cox", "richards", "khan",
            "marshall", "anderson", "simpson", "ellis", "adams", "singh", "wilkinson", "foster", "chapman", "powell",
            "webb", "rogers", "gray", "grey", "mason", "ali", "hunt", "hussain", "campbell", "matthews", "owen",
            "palmer", "holmes", "mills", "barnes", "knight", "lloyd", "butler", "russell", "barker", "fisher",
            "stevens", "jenkins", "murray", "dixon", "harvey", "graham", "pearson", "ahmed", "fletcher", "walsh",
            "kaur", "gibson", "howard", "andrews", "stewart", "elliott", "reynolds", "saunders", "payne", "fox",
            "ford", "pearce", "day", "brooks", "west", "lawrence", "cole", "atkinson", "bradley", "spencer", "gill",
            "dawson", "ball", "burton", "o'brien", "watts", "rose", "booth", "perry", "ryan", "grant", "wells",
            "armstrong", "francis", "rees", "hayes", "hart", "hudson", "newman", "barrett", "webster", "hunter",
            "gregory", "carr", "lowe", "page", "marsh", "riley", "dunn", "woods", "parsons", "berry", "stone", "reid",
            "holland", "hawkins", "harding", "porter", "robertson", "newton", "oliver", "reed", "kennedy",
            "williamson", "bird", "gardner", "shah", "dean", "lane", "cooke", "bates", "henderson", "parry",
            "burgess", "bishop", "walton", "burns", "nicholson", "shepherd", "ross", "cross", "long", "freeman",
            "warren", "nicholls", "hamilton", "byrne", "sutton", "mcdonald", "yates", "hodgson", "robson", "curtis",
            "hopkins", "o'connor", "harper", "coleman", "watkins", "moss", "mccarthy", "chambers", "o'neill",
            "griffin", "sharp", "hardy", "wheeler", "potter", "osborne", "johnston", "gordon", "doyle", "wallace",
            "george", "jordan", "hutchinson", "reeves", "garcia", "martinez", "rodriguez", "lopez", "gonzalez",
            "hernandez", "nguyen", "kim", "wong", "chen", "donnelly", "black", "brennan");

    private static final Set<String> ALL = Stream.concat(GIVEN.stream(), SURNAMES.stream())
            .collect(Collectors.toUnmodifiableSet());

    private CommonNames() {
    }

    /** Given names, most common first within each sex. */
    public static List<String> given() {
        return GIVEN;
    }

    /** Surnames, roughly most common first. */
    public static List<String> surnames() {
        return SURNAMES;
    }

    /** Whether every word of {@code name} (any case, spaces between words) is a common given name or surname. */
    public static boolean allCommon(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return false;
        }
        for (String w : words) {
            if (!ALL.contains(w)) {
                return false;
            }
        }
        return true;
    }
}

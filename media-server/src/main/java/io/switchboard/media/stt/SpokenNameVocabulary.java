package io.switchboard.media.stt;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a name answer is made of, for the grammar pass on "Can I take your name?": the ways people introduce
 * themselves ("my name is", "it's", a yes or no before a correction) and the given names and surnames most common in
 * Britain and the United States (census and birth-register rankings, not any caller list). A recogniser limited to
 * these hears "john smith" where the open pass heard "johnson said"; a surname outside the list comes back as
 * {@code [unk]}, the grammar result is refused, and the open pass, the read-back and the other ways in deal with it.
 * Every word must also be in the model's vocabulary; {@link GrammarPass} drops phrases that are not.
 */
final class SpokenNameVocabulary {

    private static final List<String> CARRIERS = List.of("my name is", "my name's", "the name is", "name's", "it's",
            "it is", "this is", "i'm", "i am", "yes", "yeah", "no", "sorry", "please", "thanks", "thank you",
            "my first name is", "my surname is", "and");

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

    private SpokenNameVocabulary() {
    }

    /** The grammar's phrases: introductions, then single given names and surnames (the grammar joins them). */
    static List<String> phrases() {
        List<String> out = new ArrayList<>(CARRIERS);
        out.addAll(GIVEN);
        out.addAll(SURNAMES);
        return List.copyOf(out);
    }
}

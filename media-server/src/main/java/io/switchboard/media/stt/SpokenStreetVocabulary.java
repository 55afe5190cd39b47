package io.switchboard.media.stt;

import java.util.ArrayList;
import java.util.List;

/**
 * The words an address answer is usually made of, for the grammar pass on "What's the address for the job?": how
 * people lead into it, house numbers as words, the words of the streets most common in Britain (Royal Mail's and the
 * Ordnance Survey's most frequent names: High Street, Station Road, Church Lane, Park Road, Victoria Road, …, not any
 * caller list) and the kinds of street. The open pass hears "twelve park road" as "well start roads" and "seven mill
 * road" as "seven male roads"; a recogniser limited to these words hears them right. A street outside the list
 * ("Gloucester Road") comes back with {@code [unk]}, the grammar result is refused, and the open pass, the read-back
 * and the text fallback deal with it. Every word must also be in the model's vocabulary ({@link GrammarPass} drops
 * the others).
 */
final class SpokenStreetVocabulary {

    private static final List<String> CARRIERS = List.of("it's", "it is", "the address is", "my address is",
            "i live at", "i'm at", "we're at", "at", "number", "flat", "and", "yes", "yeah", "no", "sorry", "please");
    private static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred");
    /** The naming words of the commonest British street names, most frequent first. */
    private static final List<String> STREET_NAMES = List.of("high", "station", "main", "park", "church", "london",
            "victoria", "green", "manor", "queens", "queen", "new", "grange", "kings", "king", "alexandra", "glebe",
            "york", "mill", "springfield", "school", "north", "south", "east", "west", "richmond", "albert", "chester",
            "highfield", "windsor", "stanley", "market", "bridge", "castle", "hill", "oxford", "cambridge", "george",
            "oak", "beech", "cedar", "chestnut", "willow", "birch", "orchard", "meadow", "farm", "forest", "wood",
            "holly", "the");
    private static final List<String> KINDS = List.of("road", "street", "lane", "avenue", "close", "drive", "way",
            "crescent", "place", "grove", "gardens", "court", "terrace", "row", "walk", "square", "view");

    private SpokenStreetVocabulary() {
    }

    /** The grammar's phrases: single words, which the grammar joins into "twelve park road". */
    static List<String> phrases() {
        List<String> out = new ArrayList<>(CARRIERS);
        out.addAll(NUMBERS);
        out.addAll(STREET_NAMES);
        out.addAll(KINDS);
        return List.copyOf(out);
    }
}

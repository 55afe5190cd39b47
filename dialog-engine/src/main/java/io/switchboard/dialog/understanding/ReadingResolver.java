package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Arbitration between extractors. Every proposer reads the message and proposes at most one reading with the words
 * it used and a confidence; the resolver repeatedly keeps the best-scoring reading (its confidence, raised when it
 * fills the slot that was just asked for), gives its words to it, and lets every proposer whose reading used any of
 * those words read again without them. The result is a set of readings that share no word, at most one per slot.
 * <p>
 * The order of the extractors therefore no longer decides anything: "3" after three offers is the third offer (a
 * choice scores above a bare number read as a clock time), "flat four" in an address answer is address, a digit
 * run in a phone answer is a phone, and "Will Cash" in a name answer is a name whose words the FAQ never sees.
 */
final class ReadingResolver {

    /** Added to a reading that answers what was just asked. */
    static final double EXPECTED_BONUS = 0.3;
    /** A clock time is a likely answer to an offer too ("the 3 o'clock"), just less so than a pick. */
    static final double TIME_FOR_OFFER_BONUS = 0.1;

    /** Reads (part of) a message and proposes what it means, or nothing. */
    @FunctionalInterface
    interface Proposer {
        Optional<? extends Reading> propose(Tokens tokens);
    }

    /**
     * @param readings  the readings kept, best first
     * @param unclaimed the words no reading used, in order (what is left for the FAQ and the intent)
     */
    record Resolution(List<Reading> readings, String unclaimed) {

        <T extends Reading> Optional<T> get(Class<T> type) {
            return readings.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }

    private ReadingResolver() {
    }

    static Resolution resolve(Tokens message, Expectation expected, List<Proposer> proposers) {
        Map<Proposer, Reading> current = new LinkedHashMap<>();
        for (Proposer p : proposers) {
            p.propose(message).ifPresent(r -> current.put(p, r));
        }
        List<Reading> kept = new ArrayList<>();
        Set<Expectation.Slot> filled = EnumSet.noneOf(Expectation.Slot.class);
        BitSet claimed = new BitSet();
        while (!current.isEmpty()) {
            Proposer bestProposer = null;
            Reading best = null;
            for (Map.Entry<Proposer, Reading> e : current.entrySet()) {
                if (best == null || better(e.getValue(), best, expected)) {
                    best = e.getValue();
                    bestProposer = e.getKey();
                }
            }
            current.remove(bestProposer);
            kept.add(best);
            filled.add(best.answers());
            claim(claimed, best.words());
            Tokens rest = message.without(claimed);
            for (Proposer p : List.copyOf(current.keySet())) {
                Reading r = current.get(p);
                if (filled.contains(r.answers())) {
                    current.remove(p);
                } else if (overlaps(r.words(), claimed)) {
                    Optional<Reading> again = p.propose(rest).map(x -> x.over(rest.toMessage(x.words())));
                    if (again.isPresent() && !overlaps(again.get().words(), claimed)) {
                        current.put(p, again.get());
                    } else {
                        current.remove(p);
                    }
                }
            }
        }
        return new Resolution(List.copyOf(kept), message.without(claimed).text());
    }

    static double score(Reading r, Expectation expected) {
        double s = r.confidence();
        if (expected.is(r.answers())) {
            s += EXPECTED_BONUS;
        } else if (expected.is(Expectation.Slot.SLOT_CHOICE) && r instanceof Reading.Times) {
            s += TIME_FOR_OFFER_BONUS;
        }
        return s;
    }

    /** Higher score wins; on a tie, the reading that explains more words. */
    private static boolean better(Reading a, Reading b, Expectation expected) {
        double sa = score(a, expected);
        double sb = score(b, expected);
        if (Math.abs(sa - sb) > 1e-9) {
            return sa > sb;
        }
        return a.words().count() > b.words().count();
    }

    private static void claim(BitSet claimed, Words words) {
        words.addTo(claimed);
    }

    private static boolean overlaps(Words words, BitSet claimed) {
        return words.overlaps(Words.of(claimed));
    }
}

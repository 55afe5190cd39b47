package io.switchboard.dialog.understanding;

import java.util.BitSet;

/**
 * Which words of a normalized message a reading used, by position in its space-separated tokens. Two readings
 * that share a word compete for it; the resolver keeps one. Immutable.
 */
public final class Words {

    static final Words NONE = new Words(new BitSet());

    private final BitSet positions;

    private Words(BitSet positions) {
        this.positions = positions;
    }

    static Words of(BitSet positions) {
        return new Words((BitSet) positions.clone());
    }

    static Words range(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        return new Words(b);
    }

    public boolean overlaps(Words other) {
        return positions.intersects(other.positions);
    }

    public boolean contains(int position) {
        return positions.get(position);
    }

    public boolean isEmpty() {
        return positions.isEmpty();
    }

    public int count() {
        return positions.cardinality();
    }

    void addTo(BitSet target) {
        target.or(positions);
    }

    Words union(Words other) {
        BitSet b = (BitSet) positions.clone();
        b.or(other.positions);
        return new Words(b);
    }

    /** These positions, read in a shortened text, mapped back to the full message ({@code map[short] = full}). */
    Words mapped(int[] map) {
        BitSet b = new BitSet();
        for (int i = positions.nextSetBit(0); i >= 0; i = positions.nextSetBit(i + 1)) {
            if (i < map.length) {
                b.set(map[i]);
            }
        }
        return new Words(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Words w && w.positions.equals(positions);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    @Override
    public String toString() {
        return positions.toString();
    }
}

package io.switchboard.media.call;

import java.util.Locale;

/**
 * Turn-taking counts of one call or of all calls so far ({@link VoiceCalls#turnTaking()}).
 *
 * @param spokenReplies       replies to spoken turns that started playing
 * @param falseCutOffs        of those, replies that began while the caller was still talking or that the caller talked
 *                            into within 300 ms of their start
 * @param speculationHits     speculative replies sent the moment the turn ended
 * @param speculationMisses   speculative replies thrown away because the final words differed (or the turn changed)
 * @param speculationDiscards speculative replies thrown away because the caller went on speaking
 */
public record TurnTakingCounts(long spokenReplies, long falseCutOffs, long speculationHits, long speculationMisses,
                               long speculationDiscards) {

    /** False cut-offs per reply to a spoken turn, 0 when there was none. */
    public double falseCutOffRate() {
        return spokenReplies == 0 ? 0 : (double) falseCutOffs / spokenReplies;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "replies=%d false-cut-offs=%d speculation hit=%d miss=%d discarded=%d",
                spokenReplies, falseCutOffs, speculationHits, speculationMisses, speculationDiscards);
    }
}

package io.switchboard.media.simulator;

import java.util.List;
import java.util.Map;

/**
 * How one corpus call went.
 *
 * @param script     the caller
 * @param voice      the caller's voice id
 * @param right      the outcome the caller wanted, exactly (see {@link SpokenCallScript.Expected})
 * @param why        what was wrong, or "" when right
 * @param turns      the caller's turns (spoken or keyed)
 * @param looped     the call hit the turn limit
 * @param fallbacks  how often each other way in was used ("keypad", "re-asked", "message for owner")
 * @param slots      per recognised slot (service, time, name, address) whether it was stored right
 * @param transcript what was heard and replied, for the report
 */
public record SpokenCallResult(SpokenCallScript script, String voice, boolean right, String why, int turns,
                               boolean looped, Map<String, Integer> fallbacks, Map<String, Boolean> slots,
                               List<String> transcript) {

    public SpokenCallResult {
        fallbacks = Map.copyOf(fallbacks);
        slots = Map.copyOf(slots);
        transcript = List.copyOf(transcript);
    }
}

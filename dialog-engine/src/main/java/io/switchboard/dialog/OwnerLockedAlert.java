package io.switchboard.dialog;

import io.switchboard.models.Channel;

import java.time.Instant;
import java.util.Objects;

/**
 * Owner access is refused until {@code until} because of repeated wrong PINs; {@code channel} is where the last wrong
 * PIN came from. Deliberately carries neither the PIN guesses nor the number they came from (which may be spoofed).
 */
public record OwnerLockedAlert(Instant until, Channel channel) {

    public OwnerLockedAlert {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(channel, "channel");
    }
}

package io.switchboard.dialog.flow;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.owner.OwnerLockout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner's PIN attempts as the owner flow sees them: one read (is access locked?) and the writes that count a
 * guess or clear the count. A port so a previewed turn can read the lockout but count nothing.
 */
interface PinAttempts {

    Optional<Instant> lockedUntil(String ownerKey);

    OwnerLockout.Failure recordFailure(String ownerKey, Channel channel);

    boolean lift(String ownerKey);

    void recordSuccess(String ownerKey);

    /** The lockout in the database. */
    static PinAttempts of(OwnerLockout lockout) {
        Objects.requireNonNull(lockout, "lockout");
        return new PinAttempts() {
            @Override
            public Optional<Instant> lockedUntil(String ownerKey) {
                return lockout.lockedUntil(ownerKey);
            }

            @Override
            public OwnerLockout.Failure recordFailure(String ownerKey, Channel channel) {
                return lockout.recordFailure(ownerKey, channel);
            }

            @Override
            public boolean lift(String ownerKey) {
                return lockout.lift(ownerKey);
            }

            @Override
            public void recordSuccess(String ownerKey) {
                lockout.recordSuccess(ownerKey);
            }
        };
    }
}

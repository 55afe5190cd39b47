package io.switchboard.dialog.flow;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.identity.CodeCheck;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.owner.OwnerLockout;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The effect ports of one previewed turn: reads go through to the real ports, every write refuses. A refusal is
 * thrown <em>and</em> remembered, because some flows catch a failing port and carry on with a graceful reply (an
 * alert that could not be queued, a code that could not be sent): that reply is not what the real turn would say,
 * so a turn that reached for any effect yields no preview at all. One instance per preview; not shared.
 */
final class DryRun {

    /** Thrown by a refusing port: the turn needs an effect, which a preview must not have. */
    static final class EffectRefused extends RuntimeException {
        EffectRefused(String effect) {
            super("a preview may not " + effect, null, false, false);
        }
    }

    private String refused;

    /** The first effect the turn reached for, or empty when it needed none. */
    Optional<String> refused() {
        return Optional.ofNullable(refused);
    }

    private EffectRefused refuse(String effect) {
        if (refused == null) {
            refused = effect;
        }
        return new EffectRefused(effect);
    }

    Bookings bookings() {
        return new Bookings() {
            @Override
            public BookingResult book(BookingRequest request) {
                throw refuse("book");
            }

            @Override
            public BookingResult reschedule(UUID appointmentId, ZonedDateTime newStart, Actor actor) {
                throw refuse("move a booking");
            }

            @Override
            public BookingResult cancel(UUID appointmentId, Actor actor) {
                throw refuse("cancel a booking");
            }
        };
    }

    /** Whether texts can go out and where calls transfer are read from {@code real}; nothing is sent. */
    Notifier notifier(Notifier real) {
        Objects.requireNonNull(real, "real");
        return new Notifier() {
            @Override
            public AlertReceipt emergency(EmergencyAlert alert) {
                throw refuse("alert the owner");
            }

            @Override
            public boolean textsCallers() {
                return real.textsCallers();
            }

            @Override
            public AlertReceipt handOff(HandOffNote note) {
                throw refuse("hand off to a person");
            }

            @Override
            public Optional<String> liveTransferNumber() {
                return real.liveTransferNumber();
            }

            @Override
            public void ownerAccessLocked(OwnerLockedAlert alert) {
                throw refuse("tell the owner of a lockout");
            }
        };
    }

    /** Whether codes can be sent is read from {@code real}; none is sent or checked (a check counts a try). */
    PhoneVerifier codes(PhoneVerifier real) {
        Objects.requireNonNull(real, "real");
        return new PhoneVerifier() {
            @Override
            public boolean available() {
                return real.available();
            }

            @Override
            public CodeDelivery send(String phone, CodePurpose purpose, String conversation, String client) {
                throw refuse("send a code");
            }

            @Override
            public CodeCheck check(String phone, CodePurpose purpose, String conversation, String typed) {
                throw refuse("check a code");
            }
        };
    }

    /** Whether owner access is locked is read from {@code real}; no PIN attempt is counted or cleared. */
    PinAttempts pins(PinAttempts real) {
        Objects.requireNonNull(real, "real");
        return new PinAttempts() {
            @Override
            public Optional<Instant> lockedUntil(String ownerKey) {
                return real.lockedUntil(ownerKey);
            }

            @Override
            public OwnerLockout.Failure recordFailure(String ownerKey, Channel channel) {
                throw refuse("count a PIN attempt");
            }

            @Override
            public boolean lift(String ownerKey) {
                throw refuse("lift a lockout");
            }

            @Override
            public void recordSuccess(String ownerKey) {
                throw refuse("clear PIN attempts");
            }
        };
    }
}

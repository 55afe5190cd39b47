package io.switchboard.media.call;

import java.util.concurrent.locks.LockSupport;

/**
 * The one source of time for a call's voice loop: monotonic nanoseconds, like {@link System#nanoTime()}, and the
 * short waits reply pacing makes. Production uses {@link #SYSTEM}; stage tests and the fast call driver inject a
 * clock they move themselves, so nothing in the pipeline has to sleep to be tested. Thread-safe; never allocates.
 */
public interface CallClock {

    long nanoTime();

    /** Waits about {@code nanos} (less if unparked); a simulated clock just moves on instead. */
    default void pause(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
    }

    CallClock SYSTEM = System::nanoTime;
}

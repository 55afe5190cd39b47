package io.switchboard.media.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Simulated time for a whole call, moved only by the {@link FastCallDriver}. Reply pacing waits on it
 * ({@link #pause}) until the driver has moved it far enough, so the receptionist's audio "plays" exactly as fast as
 * the driver streams the caller's line, with no real-time wait on either side.
 */
final class SimulatedClock implements CallClock {

    /** A wait that outlives this much real time means the driver is gone: give up rather than hang a test. */
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(30);

    // Guarded by this.
    private long now = TimeUnit.SECONDS.toNanos(1);
    /** The instants paused threads wait for. */
    private final List<Long> waits = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void pause(Object blocker, long nanos) {
        long realDeadline = System.nanoTime() + STUCK_NANOS;
        synchronized (this) {
            Long target = now + nanos;
            waits.add(target);
            notifyAll();
            try {
                while (now < target && System.nanoTime() < realDeadline) {
                    wait(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waits.remove(target);
                notifyAll();
            }
        }
    }

    /** Moves time on, and returns once every thread whose wait is over has left it (and is running again). */
    synchronized void advance(long nanos) throws InterruptedException {
        now += nanos;
        notifyAll();
        long realDeadline = System.nanoTime() + STUCK_NANOS;
        while (waits.stream().anyMatch(t -> t <= now) && System.nanoTime() < realDeadline) {
            wait(1);
        }
    }

    /** Whether some thread is paused until a later simulated instant. */
    synchronized boolean someoneWaiting() {
        return waits.stream().anyMatch(t -> t > now);
    }
}

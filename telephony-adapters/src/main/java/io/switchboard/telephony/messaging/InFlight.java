package io.switchboard.telephony.messaging;

import java.time.Duration;

/** Counts background work in progress, so shutdown can wait for it to finish (up to a bound). Thread-safe. */
final class InFlight {

    private int running;

    synchronized void begin() {
        running++;
    }

    synchronized void end() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    synchronized int running() {
        return running;
    }

    /** @return true if nothing is running any more, false if {@code timeout} passed first */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}

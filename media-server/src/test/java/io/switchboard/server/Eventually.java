package io.switchboard.server;

import java.util.function.BooleanSupplier;

/**
 * Waits for what a served component does on its own thread (a relay push, a pulled calendar, a text sent): the
 * condition checked every 100 ms for up to 20 s, so a test that waits for something that never happens fails.
 */
final class Eventually {

    private static final long WITHIN_NANOS = 20_000_000_000L;

    private Eventually() {
    }

    /** Whether {@code condition} held within the time allowed. */
    static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN_NANOS;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}

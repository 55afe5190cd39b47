package io.switchboard.media.call;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link CallClock} that only moves when told to (or when paced audio waits: the wait passes at once). */
final class ManualClock implements CallClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void pause(Object blocker, long waitNanos) {
        nanos.addAndGet(waitNanos);
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    void advanceNanos(long n) {
        nanos.addAndGet(n);
    }
}

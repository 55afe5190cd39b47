package io.switchboard.telephony.outbound;

import java.time.Duration;

/** Waits between retries; injectable so tests check back-off without actually waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}

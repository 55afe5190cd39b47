package io.switchboard.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What an orderly shutdown goes through, in this order: stop taking work (readiness false, new requests and calls
 * refused), let the calls in progress finish their reply and hear goodbye, finish the webhook work and hand the queued
 * replies and alerts to the providers, flush the outbox, then close everything.
 */
interface ShutdownTargets {

    /** Readiness goes false, new HTTP requests get 503, new media streams are hung up. Quick. */
    void refuseNewWork();

    /** Ends every call in progress politely; waits up to {@code within}. @return true if none is left */
    boolean endCalls(Duration within) throws InterruptedException;

    /** Waits up to {@code within} for webhook work and queued outbound texts. @return true if all finished */
    boolean finishMessages(Duration within);

    /** Hands pending outbox entries on, or reports what waits for the next start; up to {@code within}. */
    void flushOutbox(Duration within);

    /** Closes the servers, pools and the database, last created first. */
    void closeAll();

    /** The sequence over {@code targets}. */
    static Shutdown sequence(ShutdownTargets targets, Duration bound, Clock clock) {
        return new Shutdown(List.of(
                new Shutdown.Step("refuse new work", left -> targets.refuseNewWork()),
                new Shutdown.Step("end calls", targets::endCalls),
                new Shutdown.Step("finish messages", targets::finishMessages),
                new Shutdown.Step("flush outbox", targets::flushOutbox),
                new Shutdown.Step("close", left -> targets.closeAll())), bound, clock);
    }
}

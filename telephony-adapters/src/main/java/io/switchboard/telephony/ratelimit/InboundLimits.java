package io.switchboard.telephony.ratelimit;

import java.time.Clock;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The inbound limits of the public surfaces ({@code /v1/chat} without the admin token, the SMS and WhatsApp
 * webhooks): one bucket per sender and one per client address. The address is counted first, so a refused address
 * does not also use up the sender's allowance. Requests carrying the admin token never come here.
 */
public final class InboundLimits {

    private final RateLimiter senders;
    private final RateLimiter addresses;

    public InboundLimits(RateLimiter senders, RateLimiter addresses) {
        this.senders = Objects.requireNonNull(senders, "senders");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    /** Counters in this process only: tests and single-instance development. */
    public static InboundLimits inMemory(Clock clock) {
        return new InboundLimits(new InMemoryRateLimiter(RateLimit.PER_SENDER, clock),
                new InMemoryRateLimiter(RateLimit.PER_ADDRESS, clock));
    }

    /** Counters in PostgreSQL, shared by every instance on the database. */
    public static InboundLimits shared(DSLContext dsl, Clock clock) {
        return new InboundLimits(new PostgresRateLimiter(dsl, RateLimit.PER_SENDER, clock, "sender"),
                new PostgresRateLimiter(dsl, RateLimit.PER_ADDRESS, clock, "address"));
    }

    /** No limits at all: for embedding where every caller is trusted (tests of other behaviour). */
    public static InboundLimits unlimited() {
        RateLimiter none = key -> new RateDecision.Allowed();
        return new InboundLimits(none, none);
    }

    /** Forgets idle counters of both limiters; blocking. Run it now and then (hourly is plenty). */
    public int pruneIdle() {
        return senders.pruneIdle() + addresses.pruneIdle();
    }

    /**
     * Counts one inbound message. May block (a shared store): call from a worker thread.
     *
     * @param surface which door it came through ({@code "chat"}, {@code "sms"}, {@code "whatsapp"}); each has its
     *                own counters
     * @param sender  the sender (a phone number, a web session), or null when there is none to count
     * @param address the client's IP address, or null when unknown
     */
    public RateDecision check(String surface, String sender, String address) {
        Objects.requireNonNull(surface, "surface");
        if (address != null) {
            RateDecision byAddress = addresses.acquire(surface + ":" + address);
            if (!byAddress.allowed()) {
                return byAddress;
            }
        }
        return sender == null ? new RateDecision.Allowed() : senders.acquire(surface + ":" + sender);
    }
}

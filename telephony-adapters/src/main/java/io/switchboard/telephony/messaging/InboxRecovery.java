package io.switchboard.telephony.messaging;

import io.switchboard.telephony.PiiMask;
import io.switchboard.models.Channel;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes stored messages whose webhook never did: the server crashed or was killed after storing them, or the
 * database failed mid-answer. Runs on start-up and then periodically. A message is retried only once nobody has
 * touched it for {@code idle}, and each retry is taken with a conditional update, so two servers sweeping the same
 * database never work on the same message at once; the conversation itself is exactly-once anyway
 * ({@link ProcessedMessages}) and so is the reply ({@link Inbox#claimReply}). Blocking: call from a worker thread.
 */
final class InboxRecovery {

    /** After this many failed attempts a message is given up on and logged, so one poison message cannot loop. */
    static final int MAX_ATTEMPTS = 5;
    static final int BATCH = 50;

    private static final Logger LOG = LoggerFactory.getLogger(InboxRecovery.class);

    private final Inbox inbox;
    private final InboxCompletion completion;
    private final Duration idle;
    private final Set<Channel> channels;

    /** @param channels the channels this server can reply on; messages of others wait for a server that can */
    InboxRecovery(Inbox inbox, InboxCompletion completion, Duration idle, Set<Channel> channels) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.completion = Objects.requireNonNull(completion, "completion");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.channels = Set.copyOf(channels);
    }

    /** @return how many messages were finished */
    int sweep() {
        int finished = 0;
        for (InboundText m : inbox.stale(idle, BATCH)) {
            if (!channels.contains(m.channel())) {
                continue;
            }
            OptionalInt attempt = inbox.retry(m.provider(), m.messageId(), idle);
            if (attempt.isEmpty()) {
                continue;
            }
            String who = PiiMask.phone(m.fromE164());
            if (attempt.getAsInt() > MAX_ATTEMPTS) {
                inbox.fail(m.provider(), m.messageId());
                LOG.error("gave up on {} message {} from {} after {} attempts", m.channel().wireName(),
                        m.messageId(), who, MAX_ATTEMPTS);
                continue;
            }
            try {
                completion.complete(m);
                finished++;
                LOG.info("finished stored {} message {} from {} (attempt {})", m.channel().wireName(), m.messageId(),
                        who, attempt.getAsInt());
            } catch (RuntimeException e) {
                LOG.warn("stored {} message {} from {} failed again (attempt {}): {}", m.channel().wireName(),
                        m.messageId(), who, attempt.getAsInt(), e.getClass().getName());
            }
        }
        return finished;
    }
}

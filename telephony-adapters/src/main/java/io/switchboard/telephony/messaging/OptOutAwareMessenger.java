package io.switchboard.telephony.messaging;

import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OutboundMessenger} for messages the business starts (follow-ups, alerts): a number that opted out of the
 * channel gets nothing ({@link SendOutcome#REJECTED}, detail {@value #OPTED_OUT}). The opt-out lookup is a database
 * read, so it runs on the executor and {@link #send} stays non-blocking.
 */
public final class OptOutAwareMessenger implements OutboundMessenger {

    public static final String OPTED_OUT = "recipient opted out";

    private static final Logger LOG = LoggerFactory.getLogger(OptOutAwareMessenger.class);

    private final OutboundMessenger delegate;
    private final OptOutStore optOuts;
    private final Executor executor;

    /** @param executor runs the opt-out lookup; must not be an event loop */
    public OptOutAwareMessenger(OutboundMessenger delegate, OptOutStore optOuts, Executor executor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public CompletionStage<SendResult> send(Channel channel, String toE164, String text) {
        try {
            return CompletableFuture.supplyAsync(() -> toE164 != null && optOuts.isOptedOut(toE164, channel), executor)
                    .handle((optedOut, error) -> {
                        if (error != null) {
                            // Cannot tell, so do not risk texting someone who said STOP.
                            LOG.error("opt-out lookup for {} failed: {}", PiiMask.phone(toE164),
                                    error.getClass().getName());
                            return CompletableFuture.completedFuture(
                                    SendResult.notSent(SendOutcome.FAILED, 0, "opt-out lookup failed"));
                        }
                        if (optedOut) {
                            LOG.info("{} to {} not sent: {}", channel, PiiMask.phone(toE164), OPTED_OUT);
                            return CompletableFuture.completedFuture(
                                    SendResult.notSent(SendOutcome.REJECTED, 0, OPTED_OUT));
                        }
                        return delegate.send(channel, toE164, text);
                    })
                    .thenCompose(stage -> stage);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    SendResult.notSent(SendOutcome.FAILED, 0, "outbound executor is not accepting work"));
        }
    }
}

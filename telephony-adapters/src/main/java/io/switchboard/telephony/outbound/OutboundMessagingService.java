package io.switchboard.telephony.outbound;

import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one outbound messaging service: validates the request, applies the per-recipient rate limit on the caller's
 * thread (cheap, non-blocking), then runs the blocking provider call with retry and back-off on the given executor.
 * Logs carry masked numbers only and never message text.
 */
public final class OutboundMessagingService implements OutboundMessenger {

    private static final Logger log = LoggerFactory.getLogger(OutboundMessagingService.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final RecipientRateLimiter rateLimiter;
    private final RetryPolicy retryPolicy;
    private final Executor executor;
    private final Sleeper sleeper;

    /**
     * @param executor runs the blocking HTTP calls and back-off waits; must not be an event loop
     */
    public OutboundMessagingService(List<? extends ChannelSender> senders, RecipientRateLimiter rateLimiter,
            RetryPolicy retryPolicy, Executor executor) {
        this(senders, rateLimiter, retryPolicy, executor, Sleeper.SYSTEM);
    }

    public OutboundMessagingService(List<? extends ChannelSender> senders, RecipientRateLimiter rateLimiter,
            RetryPolicy retryPolicy, Executor executor, Sleeper sleeper) {
        for (ChannelSender sender : senders) {
            if (this.senders.put(sender.channel(), sender) != null) {
                throw new IllegalArgumentException("two senders for " + sender.channel());
            }
        }
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public CompletionStage<SendResult> send(Channel channel, String toE164, String text) {
        Objects.requireNonNull(channel, "channel");
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            return refuse(channel, toE164, SendOutcome.REJECTED, "no sender configured for " + channel);
        }
        if (toE164 == null || !E164.matcher(toE164).matches()) {
            return refuse(channel, toE164, SendOutcome.REJECTED, "recipient is not an E.164 number");
        }
        if (text == null || text.isBlank()) {
            return refuse(channel, toE164, SendOutcome.REJECTED, "empty message text");
        }
        if (text.length() > sender.maxTextLength()) {
            return refuse(channel, toE164, SendOutcome.REJECTED,
                    "text of " + text.length() + " chars exceeds " + sender.maxTextLength());
        }
        if (!rateLimiter.tryAcquire(channel.name() + ':' + toE164)) {
            return refuse(channel, toE164, SendOutcome.RATE_LIMITED, "recipient rate limit reached");
        }
        try {
            return CompletableFuture.supplyAsync(() -> deliver(sender, toE164, text), executor);
        } catch (RejectedExecutionException e) {
            return refuse(channel, toE164, SendOutcome.FAILED, "outbound executor is not accepting work");
        }
    }

    private SendResult deliver(ChannelSender sender, String toE164, String text) {
        String who = PiiMask.phone(toE164);
        Channel channel = sender.channel();
        for (int attempt = 1; ; attempt++) {
            try {
                String id = sender.send(toE164, text);
                log.info("{} to {} sent as {} (attempt {})", channel, who, id, attempt);
                return SendResult.sent(id, attempt);
            } catch (SendFailure f) {
                if (!f.isTransient()) {
                    log.warn("{} to {} rejected: {}", channel, who, f.getMessage());
                    return SendResult.notSent(SendOutcome.REJECTED, attempt, f.getMessage());
                }
                if (attempt >= retryPolicy.maxAttempts()) {
                    log.warn("{} to {} failed after {} attempts: {}", channel, who, attempt, f.getMessage());
                    return SendResult.notSent(SendOutcome.FAILED, attempt, f.getMessage());
                }
                Duration backoff = retryPolicy.backoffBeforeRetry(attempt);
                log.info("{} to {} attempt {} failed ({}); retrying in {} ms", channel, who, attempt,
                        f.getMessage(), backoff.toMillis());
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return SendResult.notSent(SendOutcome.FAILED, attempt, "interrupted while backing off");
                }
            } catch (RuntimeException e) {
                // Exception text from a client library may quote the number or body: log the type only.
                log.error("{} to {} failed unexpectedly: {}", channel, who, e.getClass().getName());
                return SendResult.notSent(SendOutcome.FAILED, attempt, "unexpected " + e.getClass().getSimpleName());
            }
        }
    }

    private static CompletionStage<SendResult> refuse(Channel channel, String toE164, SendOutcome outcome,
            String detail) {
        log.warn("{} to {} not sent: {}", channel, PiiMask.phone(toE164), detail);
        return CompletableFuture.completedFuture(SendResult.notSent(outcome, 0, detail));
    }
}

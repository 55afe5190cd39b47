package io.switchboard.telephony.metrics;

import io.switchboard.models.Channel;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendResult;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Counts the outcome of every send of the messenger it wraps; adds nothing else and never blocks. */
public final class CountingMessenger implements OutboundMessenger {

    private final OutboundMessenger delegate;
    private final OutboundMetrics metrics;

    public CountingMessenger(OutboundMessenger delegate, OutboundMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public CompletionStage<SendResult> send(Channel channel, String toE164, String text) {
        return delegate.send(channel, toE164, text).whenComplete((result, error) -> {
            if (result != null) {
                metrics.record(channel, result);
            }
        });
    }
}

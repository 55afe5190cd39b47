package io.switchboard.telephony.metrics;

import io.micrometer.core.instrument.Counter;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.models.Channel;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code switchboard_outbound_messages_total{channel,result}}: every outbound text by how it ended ({@code sent},
 * {@code rate_limited}, {@code rejected}, {@code failed}). A failure after every retry is also a
 * {@code messaging_provider} dependency error.
 */
public final class OutboundMetrics {

    static final String MESSAGES = Metrics.PREFIX + "outbound.messages";

    private final Map<Channel, Map<SendOutcome, Counter>> counters = new EnumMap<>(Channel.class);
    private final Metrics metrics;

    public OutboundMetrics(Metrics metrics) {
        this.metrics = metrics;
        for (Channel channel : Channel.values()) {
            Map<SendOutcome, Counter> byResult = new EnumMap<>(SendOutcome.class);
            for (SendOutcome outcome : SendOutcome.values()) {
                byResult.put(outcome, Counter.builder(MESSAGES).description("Outbound texts by result")
                        .tag("channel", channel.wireName())
                        .tag("result", outcome.name().toLowerCase(java.util.Locale.ROOT))
                        .register(metrics.registry()));
            }
            counters.put(channel, byResult);
        }
    }

    public void record(Channel channel, SendResult result) {
        counters.get(channel).get(result.outcome()).increment();
        if (result.outcome() == SendOutcome.FAILED) {
            metrics.errors().record(DependencyKind.MESSAGING_PROVIDER);
        }
    }
}

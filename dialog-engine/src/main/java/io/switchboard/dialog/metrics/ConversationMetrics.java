package io.switchboard.dialog.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.models.Channel;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code switchboard_conversations_started_total{channel}} and {@code switchboard_conversations_total{channel,
 * outcome}}: the denominator of conversion and how conversations end.
 */
public final class ConversationMetrics {

    static final String STARTED = Metrics.PREFIX + "conversations.started";
    static final String ENDED = Metrics.PREFIX + "conversations";

    private final Map<Channel, Counter> started = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<ConversationOutcome, Counter>> ended = new EnumMap<>(Channel.class);

    ConversationMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            started.put(channel, Counter.builder(STARTED).description("Conversations opened")
                    .tag("channel", channel.wireName()).register(registry));
            Map<ConversationOutcome, Counter> byOutcome = new EnumMap<>(ConversationOutcome.class);
            for (ConversationOutcome outcome : ConversationOutcome.values()) {
                byOutcome.put(outcome, Counter.builder(ENDED).description("Conversations by their outcome")
                        .tag("channel", channel.wireName()).tag("outcome", outcome.tag()).register(registry));
            }
            ended.put(channel, byOutcome);
        }
    }

    public void started(Channel channel) {
        started.get(channel).increment();
    }

    public void ended(Channel channel, ConversationOutcome outcome) {
        ended.get(channel).get(outcome).increment();
    }
}

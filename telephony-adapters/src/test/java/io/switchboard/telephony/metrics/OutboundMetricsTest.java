package io.switchboard.telephony.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.models.Channel;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutboundMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Deque<SendResult> results = new ArrayDeque<>();
    private final CountingMessenger messenger = new CountingMessenger(
            (channel, to, text) -> CompletableFuture.completedFuture(results.pop()),
            new OutboundMetrics(new Metrics(registry)));

    private double sent(String channel, String result) {
        return registry.get("switchboard.outbound.messages").tags("channel", channel, "result", result).counter()
                .count();
    }

    @Test
    void everySendIsCountedByChannelAndResultAndProviderFailuresAreDependencyErrors() {
        results.add(SendResult.sent("SM1", 1));
        results.add(SendResult.sent("SM2", 2));
        results.add(SendResult.notSent(SendOutcome.FAILED, 3, "503 from provider"));
        results.add(SendResult.notSent(SendOutcome.RATE_LIMITED, 0, "limit"));
        results.add(SendResult.notSent(SendOutcome.REJECTED, 1, "bad number"));

        messenger.send(Channel.SMS, "+447700900123", "a");
        messenger.send(Channel.SMS, "+447700900123", "b");
        messenger.send(Channel.SMS, "+447700900123", "c");
        messenger.send(Channel.WHATSAPP, "+447700900123", "d");
        SendResult last = messenger.send(Channel.WHATSAPP, "+447700900123", "e").toCompletableFuture().join();

        assertThat(last.outcome()).as("the result is passed through unchanged").isEqualTo(SendOutcome.REJECTED);
        assertThat(sent("sms", "sent")).isEqualTo(2);
        assertThat(sent("sms", "failed")).isEqualTo(1);
        assertThat(sent("whatsapp", "rate_limited")).isEqualTo(1);
        assertThat(sent("whatsapp", "rejected")).isEqualTo(1);
        assertThat(sent("whatsapp", "sent")).isZero();
        assertThat(registry.get("switchboard.dependency.errors").tag("kind", "messaging_provider").counter().count())
                .isEqualTo(1);
    }
}

package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.DeafRecognizer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.media.tts.PromptCache;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VoiceCallSessionTest.SilentSynthesizer synthesizer = new VoiceCallSessionTest.SilentSynthesizer();
    private final VoiceCalls calls = new VoiceCalls(new VoiceCallSessionTest.ScriptedEngine(),
            new DeafRecognizer(), synthesizer, PromptCache.preload(synthesizer, List.of()),
            VoiceSettings.defaults()).withMaxCalls(7);
    private final CallMetrics metrics = new CallMetrics(new Metrics(registry), calls);

    @Test
    void theRealTimeFactorIsProcessingOverAudioTimePerUtterance() {
        metrics.recognised(TimeUnit.MILLISECONDS.toNanos(60), TimeUnit.SECONDS.toNanos(2));
        metrics.recognised(TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.SECONDS.toNanos(1));
        metrics.recognised(5, 0);

        DistributionSummary rtf = registry.get("switchboard.stt.real.time.factor").summary();
        assertThat(rtf.count()).as("an utterance without audio is skipped").isEqualTo(2);
        assertThat(rtf.totalAmount()).isCloseTo(0.03 + 0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rtf.max()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theGaugesReadTheCallsInProgressAndTheCap() {
        assertThat(registry.get("switchboard.calls.active").gauge().value()).isZero();
        assertThat(registry.get("switchboard.calls.max").gauge().value()).isEqualTo(7);
        metrics.answered();
        metrics.busy();
        metrics.busy();
        assertThat(registry.get("switchboard.calls").tag("result", "answered").counter().count()).isEqualTo(1);
        assertThat(registry.get("switchboard.calls").tag("result", "busy").counter().count()).isEqualTo(2);
    }
}

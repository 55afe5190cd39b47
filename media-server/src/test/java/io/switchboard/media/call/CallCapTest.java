package io.switchboard.media.call;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.simulator.DeafRecognizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.telephony.twilio.media.MediaFormat;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SWITCHBOARD_MAX_CALLS}: calls over the cap hear the cached busy message, are hung up once it has played, and
 * are handed to the overflow (missed-call list, text); a freed line takes the next call normally.
 */
class CallCapTest {

    private final VoiceCallSessionTest.ScriptedEngine engine = new VoiceCallSessionTest.ScriptedEngine();
    private final VoiceCallSessionTest.SilentSynthesizer synthesizer = new VoiceCallSessionTest.SilentSynthesizer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> turnedAway = new CopyOnWriteArrayList<>();
    private final List<CallSession> sessions = new CopyOnWriteArrayList<>();
    private final VoiceCalls calls = new VoiceCalls(engine, new DeafRecognizer(), synthesizer,
            PromptCache.preload(synthesizer, CallPrompts.standard("Bristol Plumbing")), VoiceSettings.defaults())
            .withMaxCalls(1)
            .withOverflow((sid, from) -> turnedAway.add(sid + " " + from))
            .withMetrics(new Metrics(registry));

    @AfterEach
    void stopAll() {
        sessions.forEach(CallSession::stop);
    }

    private CallSession open(String callSid, String from, RecordingOutput output) {
        CallSession session = calls.open(new StartInfo("MZ" + callSid, callSid, "AC1", List.of("inbound"),
                Map.of("From", from), MediaFormat.MULAW_8K_MONO), output);
        sessions.add(session);
        return session;
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double calls(String result) {
        return registry.get("switchboard.calls").tag("result", result).counter().count();
    }

    @Test
    void aCallerOverTheCapHearsTheCachedBusyMessageIsHungUpAndIsPassedOn() throws Exception {
        RecordingOutput first = new RecordingOutput();
        open("CA-first", "+447700900123", first);
        first.await(m -> m.contains("media"), 5_000);

        RecordingOutput second = new RecordingOutput();
        java.util.concurrent.CompletableFuture<CallSession> busy = new java.util.concurrent.CompletableFuture<>();
        // Twilio echoes the mark once the message has played (and, like the server, only to an opened session)
        second.echoMarksTo(name -> busy.thenAcceptAsync(s -> s.onMark(name)));
        busy.complete(open("CA-second", "+447700900456", second));
        second.await(m -> m.contains("hangup"), 5_000);

        assertThat(second.messages()).containsExactly("media", "mark:" + BusyCall.MARK, "hangup");
        for (String sentence : Sentences.of(CallPrompts.BUSY)) {
            assertThat(synthesizer.spoken).as("synthesised once, at start-up: " + sentence)
                    .filteredOn(sentence::equals).hasSize(1);
        }
        assertThat(turnedAway).containsExactly("CA-second +447700900456");
        assertThat(engine.requests).isEmpty();
        assertThat(calls.activeCalls()).isEqualTo(1);
        assertThat(gauge("switchboard.calls.active")).isEqualTo(1);
        assertThat(gauge("switchboard.calls.max")).isEqualTo(1);
        assertThat(calls("answered")).isEqualTo(1);
        assertThat(calls("busy")).isEqualTo(1);
        assertThat(first.hungUp()).as("the call in progress carries on").isFalse();
    }

    @Test
    void aFreedLineTakesTheNextCaller() throws Exception {
        RecordingOutput first = new RecordingOutput();
        CallSession session = open("CA-first", "+447700900123", first);
        first.await(m -> m.contains("media"), 5_000);
        session.stop();
        long deadline = System.currentTimeMillis() + 5_000;
        while (calls.activeCalls() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(calls.activeCalls()).isZero();

        RecordingOutput next = new RecordingOutput();
        open("CA-next", "+447700900456", next);
        next.await(m -> m.contains("media"), 5_000);

        assertThat(turnedAway).isEmpty();
        assertThat(calls("answered")).isEqualTo(2);
        assertThat(next.messages()).doesNotContain("mark:" + BusyCall.MARK);
    }

    @Test
    void theCapDefaultsToTwoCallsPerCoreAndRefusesNonsense() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(CallLimits.maxCalls(SettingsSource.of(Map.of()))).isEqualTo(2 * cores);
        assertThat(CallLimits.maxCalls(SettingsSource.of(Map.of(CallLimits.MAX_CALLS, " 12 ")))).isEqualTo(12);
        assertThatThrownBy(() -> CallLimits.maxCalls(SettingsSource.of(Map.of(CallLimits.MAX_CALLS, "0"))))
                .hasMessageContaining(CallLimits.MAX_CALLS);
        assertThatThrownBy(() -> CallLimits.maxCalls(SettingsSource.of(Map.of(CallLimits.MAX_CALLS, "lots"))))
                .hasMessageContaining(CallLimits.MAX_CALLS);
    }
}

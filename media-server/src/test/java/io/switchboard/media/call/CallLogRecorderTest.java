package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.calllog.CallLogWriter;
import io.switchboard.telephony.calllog.CallSummary;
import io.switchboard.telephony.calllog.LoggedCall;
import io.switchboard.telephony.calllog.LoggedTurn;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the recorder turns a call's timing into, and that transcripts reach the log only when asked for. */
class CallLogRecorderTest {

    private static final String CALL = "CA00000000000000000000000000000e01";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    private final List<LoggedCall> stored = new CopyOnWriteArrayList<>();
    private final CallLogWriter writer = new CallLogWriter(stored::add, 8);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger transcripts = (Logger) LoggerFactory.getLogger("io.switchboard.transcripts");

    @BeforeEach
    void listen() {
        logs.start();
        transcripts.addAppender(logs);
    }

    @AfterEach
    void close() {
        transcripts.detachAppender(logs);
        writer.close();
    }

    @Test
    void latenciesBecomeWholeMillisecondsAndStagesThatDidNotHappenStayEmpty() throws Exception {
        CallTrace trace = recorder(false).callStarted(CALL, "+447700900123");
        long t = 1_000_000_000L;
        // End of speech, STT +120.4 ms, dialog +30 ms, first TTS frame +60 ms, first frame sent +5 ms.
        trace.onTurn(new CallTurn(new TurnLatency("c", 2, TurnTrigger.SPEECH, t, t + 120_400_000, t + 150_400_000,
                t + 210_400_000, t + 215_400_000, true, 1, 2, 480), "my name is sarah", null, "Thanks, Sarah.", null));
        trace.onTurn(new CallTurn(new TurnLatency("c", 3, TurnTrigger.REPROMPT, t, 0, 0, t + 9_000_000,
                t + 10_000_000, false, 1, 1, 0), null, null, CallPrompts.STILL_THERE, null));
        clock.advance(Duration.ofSeconds(30));
        trace.onEnd();
        trace.onEnd();

        LoggedCall call = awaitStored();
        LoggedTurn spoken = call.turns().get(0);
        assertThat(spoken.endOfTurnMs()).isEqualTo(480);
        assertThat(spoken.sttMs()).isEqualTo(120);
        assertThat(spoken.dialogMs()).isEqualTo(30);
        assertThat(spoken.ttsMs()).isEqualTo(60);
        assertThat(spoken.totalMs()).isEqualTo(215);
        assertThat(spoken.interrupted()).isTrue();
        LoggedTurn reprompt = call.turns().get(1);
        assertThat(reprompt.via()).isEqualTo("reprompt");
        assertThat(reprompt.endOfTurnMs()).as("no caller speech ended this turn").isNull();
        assertThat(reprompt.sttMs()).isNull();
        assertThat(reprompt.dialogMs()).isNull();
        assertThat(reprompt.totalMs()).isEqualTo(10);
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(30));
        Thread.sleep(100);
        assertThat(stored).as("a call ends once").hasSize(1);
        assertThat(logs.list).as("transcripts are off by default").isEmpty();
    }

    @Test
    void whenAskedWhatTheCallerSaidIsLoggedWithTheMaskedCallId() throws Exception {
        CallTrace trace = recorder(true).callStarted(CALL, "+447700900123");
        trace.onTurn(new CallTurn(new TurnLatency("c", 2, TurnTrigger.SPEECH, 1, 2, 3, 4, 5, false, 1, 1, 400),
                "my name is sarah", null, "Thanks, Sarah.", null));

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("call " + CallIds.mask(CALL) + " turn 2 heard \"my name is sarah\"");
        assertThat(logs.list.get(0).getFormattedMessage()).doesNotContain(CALL).doesNotContain("+447700900123");
    }

    private CallLogRecorder recorder(boolean logTranscripts) {
        return new CallLogRecorder(writer, clock, new CallSummary(TestProfiles.sample()), Optional.empty(),
                logTranscripts);
    }

    private LoggedCall awaitStored() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stored.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(stored).hasSize(1);
        return stored.get(0);
    }
}

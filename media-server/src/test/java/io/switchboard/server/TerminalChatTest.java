package io.switchboard.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalChatTest {

    /** Echoes what it heard and records the calls. */
    private static final class EchoEngine implements DialogEngine {
        final List<String> calls = new ArrayList<>();
        final List<TurnRequest> requests = new ArrayList<>();

        @Override
        public TurnResult begin(Channel channel, String sessionId, String from) {
            calls.add("begin " + channel + " " + sessionId + " " + from);
            return turn(sessionId, "Hello, Bristol Plumbing.", List.of());
        }

        @Override
        public TurnResult handle(TurnRequest request) {
            calls.add("handle");
            requests.add(request);
            List<DialogAction> actions = request.text().contains("flood")
                    ? List.of(new DialogAction.EmergencyFlagged(), new DialogAction.OwnerNotified()) : List.of();
            return turn(request.sessionId(), "heard: " + request.text(), actions);
        }

        @Override
        public void end(Channel channel, String sessionId) {
            calls.add("end " + channel + " " + sessionId);
        }

        private static TurnResult turn(String session, String reply, List<DialogAction> actions) {
            return new TurnResult(session, reply, Intent.UNKNOWN, DialogState.IDLE, null, null, actions, null);
        }
    }

    @Test
    void eachLineIsATurnUntilQuit() throws IOException {
        EchoEngine engine = new EchoEngine();

        String out = run(engine, Channel.SMS, "+447700900123", "hi there\nmy kitchen is flooding\n/quit\nnever read\n");

        assertThat(engine.requests).extracting(TurnRequest::text).containsExactly("hi there", "my kitchen is flooding");
        assertThat(engine.requests).allSatisfy(r -> {
            assertThat(r.channel()).isEqualTo(Channel.SMS);
            assertThat(r.sessionId()).isEqualTo("terminal");
            assertThat(r.from()).isEqualTo("+447700900123");
        });
        assertThat(out).contains("receptionist> heard: hi there")
                .contains("receptionist> heard: my kitchen is flooding")
                .contains("[emergency_flagged, owner_notified]")
                .doesNotContain("never read");
        assertThat(engine.calls.getFirst()).isEqualTo("end SMS terminal");
        assertThat(engine.calls.getLast()).isEqualTo("end SMS terminal");
    }

    @Test
    void endOfInputEndsTheChat() throws IOException {
        EchoEngine engine = new EchoEngine();

        run(engine, Channel.WEB, null, "only line");

        assertThat(engine.requests).singleElement().satisfies(r -> assertThat(r.from()).isNull());
        assertThat(engine.calls).containsExactly("end WEB terminal", "handle", "end WEB terminal");
    }

    @Test
    void aVoiceChatOpensWithTheGreeting() throws IOException {
        EchoEngine engine = new EchoEngine();

        String out = run(engine, Channel.VOICE, "+447700900123", "");

        assertThat(engine.calls).containsExactly("end VOICE terminal", "begin VOICE terminal +447700900123",
                "end VOICE terminal");
        assertThat(out).contains("receptionist> Hello, Bristol Plumbing.");
    }

    private static String run(DialogEngine engine, Channel channel, String from, String input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new TerminalChat(engine, channel, from).run(new BufferedReader(new StringReader(input)), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

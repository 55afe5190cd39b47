package io.switchboard.telephony.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.messaging.ProcessedMessages;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode with the real SDK: it asks the fake Web API for the socket URL with the app token, connects to the
 * fake Socket Mode endpoint, acknowledges each envelope, and the DM in it is answered through chat.postMessage —
 * no signing secret and no public URL involved.
 */
class SlackSocketModeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private SchedulingFixture fixture;
    private FakeSlackWebApi slack;
    private Vertx vertx;
    private FakeSocketModeServer socket;
    private ExecutorService turns;
    private AutoCloseable socketMode;

    @BeforeEach
    void start() throws Exception {
        fixture = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
        slack = new FakeSlackWebApi();
        vertx = Vertx.vertx();
        socket = new FakeSocketModeServer(vertx);
        slack.socketModeAt(socket.url());
        var scheduling = fixture.scheduling();
        var engine = Receptionist.create(scheduling, new InMemorySessionStore(scheduling.clock()),
                DisabledLlmFallback.INSTANCE, new LoggingNotifier());
        SlackSettings settings = new SlackSettings("xoxb-1111-2222-testtoken", "",
                Optional.of(FakeSlackWebApi.APP_TOKEN), slack.apiUrl(), Optional.empty());
        turns = Executors.newSingleThreadExecutor();
        SlackApp app = new SlackApp(settings, new SlackConversations(engine,
                new ProcessedMessages(fixture.database().dsl(), scheduling.clock()),
                InboundLimits.inMemory(scheduling.clock()), new SlackBlocks(scheduling.profile().timezone())), turns);
        socketMode = app.startSocketMode(FakeSlackWebApi.APP_TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        socketMode.close();
        turns.shutdownNow();
        socket.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        slack.close();
        fixture.close();
    }

    @Test
    void aDirectMessageOverSocketModeIsAcknowledgedAndAnsweredOnceEvenWhenRedelivered() throws Exception {
        JsonObject callback = new JsonObject().put("type", "event_callback").put("team_id", "T1")
                .put("api_app_id", "A1").put("event_id", "Ev-socket-1")
                .put("event", new JsonObject().put("type", "message").put("channel", "D-U9").put("user", "U9")
                        .put("text", "what are your opening hours?").put("ts", "1.1").put("channel_type", "im"));

        socket.sendEvent("env-1", callback);

        assertThat(socket.nextAck(WAIT)).isEqualTo("env-1");
        FakeSlackWebApi.Posted reply = slack.next(WAIT);
        assertThat(reply.channel()).isEqualTo("D-U9");
        assertThat(reply.text()).isNotBlank();

        socket.sendEvent("env-2", callback); // Slack redelivers the same event in a new envelope
        assertThat(socket.nextAck(WAIT)).isEqualTo("env-2");
        assertThat(slack.postsMoreWithin(Duration.ofSeconds(2))).isFalse();
    }
}

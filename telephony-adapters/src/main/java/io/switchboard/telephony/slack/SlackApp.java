package io.switchboard.telephony.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.switchboard.models.LogSafe;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: direct messages, mentions of the bot and presses of our buttons become {@link SlackTurn}s, acknowledged
 * at once (Slack wants an answer within 3 s) and answered on {@code turns}, a worker pool. Bolt's own middleware checks
 * the request: {@code X-Slack-Signature} v0 over the body with the signing secret, timestamps more than five minutes
 * off refused (401), {@code url_verification} answered with its challenge, the app's own messages ignored.
 */
public final class SlackApp {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);
    /** A mention as Slack writes it in the text: {@code <@U0123ABC>}. */
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+>");
    static final String TRY_AGAIN = "Sorry, something went wrong on our side. Please send that again in a minute.";

    private final App app;
    private final SlackRequestParser parser;
    private final SlackConversations conversations;
    private final SlackPoster poster;
    private final Executor turns;

    public SlackApp(SlackSettings settings, SlackConversations conversations, Executor turns) {
        this(settings, sdk(settings), conversations, turns);
    }

    /** Over {@code slack}, the SDK instance {@link #sdk} made, shared with other users of the Web API. */
    public SlackApp(SlackSettings settings, Slack slack, SlackConversations conversations, Executor turns) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.turns = Objects.requireNonNull(turns, "turns");
        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.eventsApi() ? settings.signingSecret() : null)
                // Bolt's authorization asks auth.test who the bot is; once an hour is plenty, not once per event.
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(3_600_000L)
                .build();
        this.app = new App(appConfig);
        this.parser = new SlackRequestParser(appConfig);
        this.poster = new SlackPoster(slack.methods(settings.botToken()), settings.staffChannel());
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            // Only direct messages: a message in a channel reaches us as a mention (below) when it is meant for us.
            if ("im".equals(e.getChannelType()) && e.getBotId() == null && e.getUser() != null) {
                submit(new SlackTurn(payload.getEventId(), payload.getTeamId(), e.getUser(), e.getChannel(),
                        e.getText()));
            }
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getUser() != null && e.getBotId() == null) {
                String text = e.getText() == null ? "" : MENTION.matcher(e.getText()).replaceAll(" ").strip();
                submit(new SlackTurn(payload.getEventId(), payload.getTeamId(), e.getUser(), e.getChannel(), text));
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile(Pattern.quote(SlackBlocks.ACTION_PREFIX) + ".*"), (req, ctx) -> {
            var p = req.getPayload();
            var action = p.getActions().get(0);
            String team = p.getTeam() == null ? null : p.getTeam().getId();
            submit(new SlackTurn("action:" + action.getActionTs() + ":" + p.getUser().getId(), team,
                    p.getUser().getId(), p.getChannel().getId(), action.getValue()));
            return ctx.ack();
        });
    }

    /** The SDK pointed at {@code settings}' Web API base. */
    public static Slack sdk(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    /**
     * Runs one Events API request through Bolt (verification, then the handlers). Blocking: the middleware may call
     * {@code auth.test} once.
     */
    public Response handle(String path, Map<String, List<String>> headers, String body, String remoteAddress) {
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(path)
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(remoteAddress)
                .build());
        try {
            return app.run(request);
        } catch (Exception e) {
            LOG.error("slack request failed: {}", e.getClass().getName());
            return Response.error(500);
        }
    }

    /**
     * Opens Socket Mode with {@code appToken}: Slack's events come over a WebSocket this server opens (the SDK asks
     * {@code apps.connections.open} for its URL and reconnects on its own), through the same handlers as the Events
     * API. Returns what to close on shutdown.
     *
     * @throws IOException when Slack refuses the token or cannot be reached
     */
    public AutoCloseable startSocketMode(String appToken) throws IOException {
        SocketModeApp socket = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        try {
            socket.startAsync();
        } catch (Exception e) {
            throw new IOException("Socket Mode did not start: " + e.getClass().getName(), e);
        }
        return socket::close;
    }

    private void submit(SlackTurn turn) {
        turns.execute(() -> {
            try {
                conversations.handle(turn).ifPresent(reply -> poster.post(turn.channelId(), reply));
            } catch (RuntimeException e) {
                // Rolled back, so nothing was recorded; the event was acknowledged already, so Slack will not retry
                // it: say so rather than leave the user waiting.
                LOG.error("slack turn {} failed: {}", LogSafe.escape(turn.eventKey()), e.getClass().getName());
                poster.post(turn.channelId(), new SlackReply(TRY_AGAIN, List.of(), Optional.empty()));
            }
        });
    }
}

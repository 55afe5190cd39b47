package io.switchboard.telephony.slack;

import com.slack.api.Slack;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.telephony.messaging.ProcessedMessages;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack channel as configured: the {@code POST /slack/events} webhook when a signing secret is set, and Socket
 * Mode when an app token is set (both may be on). Off unless {@value SlackSettings#BOT_TOKEN} is set.
 */
public final class SlackChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);

    private final Optional<SlackEventsWebhook> webhook;
    private final Optional<AutoCloseable> socketMode;

    private SlackChannel(Optional<SlackEventsWebhook> webhook, Optional<AutoCloseable> socketMode) {
        this.webhook = webhook;
        this.socketMode = socketMode;
    }

    /**
     * The channel over {@code engine}, with Socket Mode already connecting, or empty when Slack is not configured.
     *
     * @throws UncheckedIOException     when Socket Mode could not be opened (token refused, Slack unreachable)
     */
    public static Optional<SlackChannel> create(Optional<SlackSettings> found, DialogEngine engine,
                                                Scheduling scheduling, InboundLimits limits,
                                                WorkerExecutor workers) {
        if (found.isEmpty()) {
            LOG.info("Slack off: set {} with {} (Events API) or {} (Socket Mode) to take Slack messages",
                    SlackSettings.BOT_TOKEN, SlackSettings.SIGNING_SECRET, SlackSettings.APP_TOKEN);
            return Optional.empty();
        }
        SlackSettings settings = found.get();
        // The dialog engine and the database block: turns run on the worker pool, never on an event loop.
        Executor turns = task -> workers.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
        Slack slack = SlackApp.sdk(settings);
        SlackIdentities identities = SlackIdentities.of(settings.owners(), slack.methods(settings.botToken()),
                scheduling.clock(), () -> scheduling.profile().owner().phone());
        SlackApp app = new SlackApp(settings, slack, new SlackConversations(engine,
                new ProcessedMessages(scheduling.database().dsl(), scheduling.clock()), limits,
                new SlackBlocks(scheduling.profile().timezone()), identities), turns);
        Optional<AutoCloseable> socket = Optional.empty();
        if (settings.appToken().isPresent()) {
            try {
                socket = Optional.of(app.startSocketMode(settings.appToken().get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LOG.info("Slack on:{}{}{}{}", settings.eventsApi() ? " events at POST " + SlackEventsWebhook.PATH : "",
                socket.isPresent() ? " Socket Mode" : "",
                settings.staffChannel().isPresent() ? ", hand-offs to the staff channel" : "",
                settings.owners().any() ? ", owner mapped (" + settings.owners().userIds().size() + " users"
                        + (settings.owners().workspaceAdmins() ? " and workspace admins" : "") + "; PIN asked)" : "");
        return Optional.of(new SlackChannel(
                settings.eventsApi() ? Optional.of(new SlackEventsWebhook(app, workers)) : Optional.empty(), socket));
    }

    /** The Events API webhook to mount, when a signing secret is set. */
    public Optional<SlackEventsWebhook> webhook() {
        return webhook;
    }

    @Override
    public void close() throws Exception {
        if (socketMode.isPresent()) {
            socketMode.get().close();
        }
    }
}

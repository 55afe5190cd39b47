package io.switchboard.telephony.slack;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.telephony.messaging.ProcessedMessages;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.vertx.core.WorkerExecutor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Slack channel from the environment: off unless {@value SlackSettings#BOT_TOKEN} is set. */
public final class SlackChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);

    private SlackChannel() {
    }

    /**
     * The {@code POST /slack/events} webhook over {@code engine}, or empty when Slack is not configured.
     *
     * @throws IllegalArgumentException naming the variable when a setting is unusable
     */
    public static Optional<SlackEventsWebhook> fromEnvironment(Map<String, String> env, DialogEngine engine,
                                                              Scheduling scheduling, InboundLimits limits,
                                                              WorkerExecutor workers) {
        Optional<SlackSettings> settings = SlackSettings.fromEnvironment(env);
        if (settings.isEmpty()) {
            LOG.info("Slack off: set {} and {} to take Slack messages", SlackSettings.BOT_TOKEN,
                    SlackSettings.SIGNING_SECRET);
            return Optional.empty();
        }
        if (settings.get().appToken().isPresent()) {
            LOG.warn("{} is set but Socket Mode is not supported yet: Slack must reach POST {} (Events API)",
                    SlackSettings.APP_TOKEN, SlackEventsWebhook.PATH);
        }
        // The dialog engine and the database block: turns run on the worker pool, never on the event loop.
        Executor turns = task -> workers.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
        SlackApp app = new SlackApp(settings.get(), new SlackConversations(engine,
                new ProcessedMessages(scheduling.database().dsl(), scheduling.clock()), limits,
                new SlackBlocks(scheduling.profile().timezone())), turns);
        LOG.info("Slack on: events at POST {}{}", SlackEventsWebhook.PATH,
                settings.get().staffChannel().isPresent() ? ", hand-offs to the staff channel" : "");
        return Optional.of(new SlackEventsWebhook(app, workers));
    }
}

package io.switchboard.telephony.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.switchboard.models.LogSafe;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts replies and staff pings with the Web API's {@code chat.postMessage}. Blocking. */
public final class SlackPoster {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPoster.class);

    private final MethodsClient client;
    private final Optional<String> staffChannel;

    public SlackPoster(MethodsClient client, Optional<String> staffChannel) {
        this.client = Objects.requireNonNull(client, "client");
        this.staffChannel = Objects.requireNonNull(staffChannel, "staffChannel");
    }

    /** Posts {@code reply} to {@code channelId}; true when Slack took it. Failures are logged, never thrown. */
    public boolean post(String channelId, SlackReply reply) {
        boolean ok = send(channelId, reply.text(), reply);
        reply.handOff().ifPresent(line -> {
            if (staffChannel.isPresent()) {
                send(staffChannel.get(), line, null);
            } else {
                LOG.warn("a Slack conversation asked for a person but {} is not set", SlackSettings.STAFF_CHANNEL);
            }
        });
        return ok;
    }

    private boolean send(String channelId, String text, SlackReply withBlocks) {
        try {
            ChatPostMessageResponse r = client.chatPostMessage(req -> {
                req.channel(channelId).text(withBlocks == null ? text : SlackText.escape(text));
                if (withBlocks != null && !withBlocks.blocks().isEmpty()) {
                    req.blocks(withBlocks.blocks());
                }
                return req;
            });
            if (!r.isOk()) {
                LOG.warn("slack chat.postMessage refused: {}", LogSafe.escape(r.getError()));
            }
            return r.isOk();
        } catch (IOException | SlackApiException e) {
            LOG.warn("slack chat.postMessage failed: {}", e.getClass().getName());
            return false;
        }
    }
}

package io.switchboard.telephony.slack;

import io.switchboard.models.settings.SettingsSource;

import java.net.URI;
import java.util.Optional;

/**
 * The Slack channel's settings; the channel is on when {@value #BOT_TOKEN} is set.
 *
 * @param botToken      {@code xoxb-…}: posts replies ({@code chat.postMessage}) and identifies the app's own user
 * @param signingSecret checks {@code X-Slack-Signature} on {@code POST /slack/events}; empty turns the Events API
 *                      off (then Socket Mode must be on)
 * @param appToken      {@code xapp-…}: Socket Mode, Slack's events over a WebSocket the server opens (no public URL)
 * @param apiUrl        the Web API base, {@code https://slack.com/api/} unless a test points it at a fake
 * @param staffChannel  the channel id hand-offs are posted to, or empty for none
 * @param owners        which Slack users speak as the owner (who is still asked for the PIN)
 */
public record SlackSettings(String botToken, String signingSecret, Optional<String> appToken, String apiUrl,
                            Optional<String> staffChannel, SlackOwnerMapping owners) {

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String STAFF_CHANNEL = "SLACK_STAFF_CHANNEL";
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** Nobody mapped to the owner. */
    public SlackSettings(String botToken, String signingSecret, Optional<String> appToken, String apiUrl,
                         Optional<String> staffChannel) {
        this(botToken, signingSecret, appToken, apiUrl, staffChannel, SlackOwnerMapping.NONE);
    }

    public SlackSettings {
        owners = owners == null ? SlackOwnerMapping.NONE : owners;
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException(BOT_TOKEN + " is empty");
        }
        signingSecret = signingSecret == null ? "" : signingSecret.trim();
        if (signingSecret.isEmpty() && appToken.isEmpty()) {
            throw new IllegalArgumentException("set " + SIGNING_SECRET + " (Events API: every POST /slack/events is "
                    + "checked against it) or " + APP_TOKEN + " (Socket Mode) with " + BOT_TOKEN);
        }
        URI api = URI.create(apiUrl);
        if (!"https".equals(api.getScheme()) && !"http".equals(api.getScheme())) {
            throw new IllegalArgumentException(API_URL + " must be an http(s) URL");
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    /** Whether {@code POST /slack/events} is served (a signing secret is set). */
    public boolean eventsApi() {
        return !signingSecret.isEmpty();
    }

    /** Empty when {@value #BOT_TOKEN} is not set (Slack off). */
    public static Optional<SlackSettings> from(SettingsSource source) {
        String bot = source.getOrDefault(BOT_TOKEN, "").trim();
        if (bot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(bot, source.getOrDefault(SIGNING_SECRET, "").trim(),
                nonBlank(source.get(APP_TOKEN)), nonBlank(source.get(API_URL)).orElse(DEFAULT_API_URL),
                nonBlank(source.get(STAFF_CHANNEL)), SlackOwnerMapping.from(source)));
    }

    private static Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", staffChannel=" + staffChannel.isPresent() + ", ownerMapped="
                + owners.any() + "]";
    }
}

/**
 * Slack as one more text channel into the same dialog engine, with Slack's Bolt for Java.
 *
 * <p>{@link io.switchboard.telephony.slack.SlackEventsWebhook} takes the Events API at {@code POST /slack/events}
 * (Bolt verifies {@code X-Slack-Signature} v0 and refuses timestamps over five minutes old, and answers
 * {@code url_verification}); {@link io.switchboard.telephony.slack.SlackApp} turns direct messages, mentions and
 * button presses into turns of {@link io.switchboard.telephony.slack.SlackConversations}, which runs each Slack event
 * once ({@link io.switchboard.telephony.messaging.ProcessedMessages}, keyed by Slack's event or action id, so an
 * {@code X-Slack-Retry-Num} retry changes nothing) with the identity rules of an unproven sender, as on the web (a
 * number is proved by one-time code; {@link io.switchboard.telephony.slack.SlackIdentities} maps configured users or
 * workspace admins to the owner, who still gives the PIN); replies go out by
 * {@code chat.postMessage}, offered slots and confirmations as Block Kit buttons ({@link
 * io.switchboard.telephony.slack.SlackBlocks}).
 */
package io.switchboard.telephony.slack;

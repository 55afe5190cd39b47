package io.switchboard.dialog;

import io.switchboard.models.Channel;

import java.util.List;
import java.util.Objects;

/**
 * One message from a caller.
 *
 * @param channel   where it came from
 * @param sessionId conversation id: the caller's number for phone channels, a client token for web
 * @param from      the caller's number as the provider gave it (caller ID); may be null on web
 * @param text      what they said or typed; for {@code dtmf} the keyed digits
 * @param dtmf      true when {@code text} holds keypad digits rather than words
 * @param replyCut  the caller cut the previous reply short (barge-in), so its closing question was not heard:
 *                  a "yes" must not confirm what the caller never heard asked
 * @param identity  what the channel proved about the sender; {@code from} is only ever a proven number (or null)
 * @param client    where the message came from when that is not the sender's number (the web client's address),
 *                  for per-client limits on one-time codes; null on phone channels, whose sender is the client
 * @param alternatives other hypotheses of what was said, best first (a recogniser's n-best list; {@code text} is its
 *                  choice); the dialog takes the best one that answers what it asked. Empty for typed messages.
 */
public record TurnRequest(Channel channel, String sessionId, String from, String text, boolean dtmf,
                          boolean replyCut, Identity identity, String client, List<String> alternatives) {

    /** Longest text the engine reads; longer input is cut, not rejected, so a caller always gets a reply. */
    public static final int MAX_TEXT = 2000;
    /** Hypotheses beyond this many are not read: each costs a full reading of the message. */
    public static final int MAX_ALTERNATIVES = 5;

    public TurnRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(identity, "identity");
        text = cut(text);
        alternatives = alternatives == null ? List.of() : alternatives.stream().filter(Objects::nonNull)
                .map(TurnRequest::cut).filter(a -> !a.isBlank()).distinct().limit(MAX_ALTERNATIVES).toList();
    }

    public TurnRequest(Channel channel, String sessionId, String from, String text, boolean dtmf, boolean replyCut,
                       Identity identity, String client) {
        this(channel, sessionId, from, text, dtmf, replyCut, identity, client, List.of());
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    public TurnRequest(Channel channel, String sessionId, String from, String text, boolean dtmf, boolean replyCut,
                       Identity identity) {
        this(channel, sessionId, from, text, dtmf, replyCut, identity, null);
    }

    /**
     * A message whose {@code from} the provider gave (a signed webhook, the voice call's caller ID): that number is
     * the proven identity; no number, no identity.
     */
    public TurnRequest(Channel channel, String sessionId, String from, String text, boolean dtmf, boolean replyCut) {
        this(channel, sessionId, from, text, dtmf, replyCut,
                from == null ? Identity.none() : Identity.signedBy(from, Identity.Proof.PROVIDER_SIGNED));
    }

    /** A typed message from a sender whose identity the caller established; {@code from} is its proven number. */
    public static TurnRequest typed(Channel channel, String sessionId, Identity identity, String text) {
        return new TurnRequest(channel, sessionId, identity.provenPhone(), text, false, false, identity);
    }

    public static TurnRequest text(Channel channel, String sessionId, String from, String text) {
        return new TurnRequest(channel, sessionId, from, text, false, false);
    }

    public static TurnRequest digits(Channel channel, String sessionId, String from, String digits) {
        return new TurnRequest(channel, sessionId, from, digits, true, false);
    }

    /** The same message, marked as having cut the previous reply short. */
    public TurnRequest afterCutReply() {
        return new TurnRequest(channel, sessionId, from, text, dtmf, true, identity, client, alternatives);
    }

    /** The same message, known to come from {@code client} (a web client's address). */
    public TurnRequest fromClient(String client) {
        return new TurnRequest(channel, sessionId, from, text, dtmf, replyCut, identity, client, alternatives);
    }

    /** The same message with a recogniser's other hypotheses of it, best first. */
    public TurnRequest withAlternatives(List<String> hypotheses) {
        return new TurnRequest(channel, sessionId, from, text, dtmf, replyCut, identity, client, hypotheses);
    }
}

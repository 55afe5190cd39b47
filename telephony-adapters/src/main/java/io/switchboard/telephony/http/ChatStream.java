package io.switchboard.telephony.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/chat/stream}: the chat turn as server-sent events ({@code text/event-stream}), so a widget can
 * show the reply while it arrives:
 * <ul>
 *   <li>{@code chunk} {@code {"text"}} — the next piece of the reply, in order; the pieces joined are the reply</li>
 *   <li>{@code action} {@code {"type",...}} — one per action of the turn, as in the {@code actions} array</li>
 *   <li>{@code done} — the full turn result, exactly the body {@code POST /v1/chat} would have answered</li>
 *   <li>{@code error} {@code {"error"}} — the turn failed; nothing follows</li>
 * </ul>
 * The stream ends after {@code done} or {@code error}. Refusals decided before the turn runs (400, 401, 403, 415,
 * 429) are ordinary JSON error responses, not streams, so a client reads the status first.
 *
 * <p>The pieces are the reply's sentences: the dialog engine composes a reply sentence by sentence, and a sentence is
 * the smallest piece a screen reader should announce.
 */
final class ChatStream implements ChatApi.Responder {

    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    /** A sentence ends at . ! or ? followed by space; the space stays with the sentence so pieces join exactly. */
    private static final Pattern SENTENCE = Pattern.compile(".+?(?:[.!?]+\\s+|$)", Pattern.DOTALL);

    private final RoutingContext ctx;

    ChatStream(RoutingContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    @Override
    public void replied(JsonObject turn) {
        HttpServerResponse response = open();
        if (response == null) {
            return;
        }
        for (String piece : pieces(turn.getString("reply", ""))) {
            response.write(event("chunk", new JsonObject().put("text", piece)));
        }
        JsonArray actions = turn.getJsonArray("actions", new JsonArray());
        for (int i = 0; i < actions.size(); i++) {
            response.write(event("action", actions.getJsonObject(i)));
        }
        response.end(event("done", turn));
    }

    @Override
    public void failed(int status, String message) {
        HttpServerResponse response = open();
        if (response != null) {
            response.end(event("error", new JsonObject().put("error", message)));
        }
    }

    /** The reply cut into sentences; joined they are the reply again. */
    static List<String> pieces(String reply) {
        List<String> pieces = new ArrayList<>();
        Matcher m = SENTENCE.matcher(reply);
        while (m.find()) {
            if (!m.group().isEmpty()) {
                pieces.add(m.group());
            }
        }
        return pieces;
    }

    /** One SSE event; JSON never contains a raw newline, so one {@code data:} line holds it. */
    static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data.encode() + "\n\n";
    }

    private HttpServerResponse open() {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return null;
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                // Compressed, the pieces could wait in the deflater; "identity" keeps Vert.x from compressing.
                .putHeader("Content-Encoding", "identity")
                // A buffering proxy (nginx) would hold the pieces back until the end.
                .putHeader("X-Accel-Buffering", "no");
        return response;
    }
}

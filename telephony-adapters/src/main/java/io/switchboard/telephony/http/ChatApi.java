package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.metrics.DependencyErrors;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.ratelimit.RateDecision;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code POST /v1/chat}: one message in, the receptionist's reply out (see {@link ChatRequest} and {@link TurnJson}
 * for the shapes). The engine blocks on the database and maybe an LLM, so each turn runs on the worker pool.
 *
 * <p>With the admin token the caller is a trusted integration: it may name any channel and the {@code from} it acts
 * for, and is not rate limited. Without it this is the public web chat: channel {@code web}, no identity (a
 * {@code from} in the body is ignored), its own session namespace ({@link ChatSessions}), limits per session and per
 * client address (429 with {@code Retry-After}), browsers only from {@link WebOrigins}. Bodies must be
 * {@code application/json} (415 otherwise), which also keeps cross-site HTML forms out: they cannot send it.
 */
public final class ChatApi {

    public static final String PATH = "/v1/chat";
    /** The same turn answered as server-sent events ({@link ChatStream}). */
    public static final String STREAM_PATH = PATH + "/stream";

    private static final Logger LOG = LoggerFactory.getLogger(ChatApi.class);
    private static final String JSON = "application/json";

    private final DialogEngine engine;
    private final TurnJson json;
    private final WorkerExecutor workers;
    private final PhoneNumberNormalizer phones;
    private final ApiSecurity security;
    private final DependencyErrors errors;

    /** @param errors counts turns the engine failed as {@code dialog} errors */
    public ChatApi(DialogEngine engine, AppointmentJson appointments, WorkerExecutor workers,
                   PhoneNumberNormalizer phones, ApiSecurity security, DependencyErrors errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.json = new TurnJson(appointments);
        this.workers = Objects.requireNonNull(workers, "workers");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.security = Objects.requireNonNull(security, "security");
    }

    public void mount(Router router) {
        // Separate routes, so origin, token and content type are checked before the body is read.
        for (String path : java.util.List.of(PATH, STREAM_PATH)) {
            router.route(path).handler(security.webOrigins());
            router.post(path).handler(security.optionalAdmin());
            router.post(path).handler(ChatApi::requireJson);
        }
        BodyLimit.read(router.post(PATH), ApiLimits.MAX_BODY_BYTES).handler(ctx -> chat(ctx, new JsonReply(ctx)));
        BodyLimit.read(router.post(STREAM_PATH), ApiLimits.MAX_BODY_BYTES)
                .handler(ctx -> chat(ctx, new ChatStream(ctx)));
    }

    private static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            ApiResponses.error(ctx, 415, "Content-Type must be application/json");
            return;
        }
        ctx.next();
    }

    private void chat(RoutingContext ctx, Responder responder) {
        ChatRequest request;
        try {
            request = ChatRequest.parse(ctx.body().buffer());
        } catch (BadRequestException e) {
            LOG.debug("chat request refused: {}", e.getMessage());
            ApiResponses.error(ctx, 400, e.getMessage());
            return;
        }
        boolean trusted = AdminAuth.isAdmin(ctx);
        String address = ClientAddress.of(ctx);
        // A public visitor's address bounds the one-time codes they can have texted (besides the per-number limit).
        TurnRequest turn = trusted ? request.toTurn(true, phones) : request.toTurn(false, phones).fromClient(address);
        long started = System.nanoTime();
        // Unordered: turns of different sessions must not queue behind each other; the engine serialises a session.
        workers.<Answer>executeBlocking(() -> {
            if (!trusted) {
                RateDecision decision = security.limits().check("chat", turn.sessionId(), address);
                if (decision instanceof RateDecision.Refused refused) {
                    return new Answer.Limited(refused);
                }
            }
            JsonObject reply = json.toJson(engine.handle(turn))
                    // The engine's id is a hash; the client knows its conversation by the id it sent.
                    .put("session_id", request.sessionId());
            return new Answer.Replied(reply);
        }, false)
                .onSuccess(answer -> {
                    switch (answer) {
                        case Answer.Limited limited -> {
                            if (limited.refused().firstRefusal()) {
                                LOG.warn("public chat rate limit reached (client address {})",
                                        PiiMask.phone(address));
                            }
                            ctx.response().putHeader(HttpHeaders.RETRY_AFTER,
                                    Long.toString(limited.refused().retryAfterSeconds()));
                            ApiResponses.error(ctx, 429, "too many messages; please wait a moment and try again");
                        }
                        case Answer.Replied replied -> {
                            LOG.debug("chat turn on {} from {} ({}): intent={} state={} in {} ms",
                                    turn.channel().wireName(), PiiMask.phone(turn.from()), turn.identity(),
                                    replied.reply().getString("intent"), replied.reply().getString("state"),
                                    (System.nanoTime() - started) / 1_000_000);
                            responder.replied(replied.reply());
                        }
                    }
                })
                .onFailure(e -> {
                    errors.record(DependencyKind.DIALOG);
                    LOG.error("chat turn failed on {} from {} ({}): {}", turn.channel().wireName(),
                            PiiMask.phone(turn.from()), turn.identity(), FailureSummary.of(e));
                    responder.failed(500, "the receptionist could not answer; please try again");
                });
    }

    /** How a finished turn goes back to the client: one JSON body, or a stream of events. */
    interface Responder {
        void replied(JsonObject turn);

        void failed(int status, String message);
    }

    /** {@code POST /v1/chat}: the turn as one JSON body. */
    private record JsonReply(RoutingContext ctx) implements Responder {
        @Override
        public void replied(JsonObject turn) {
            ApiResponses.json(ctx, 200, turn);
        }

        @Override
        public void failed(int status, String message) {
            ApiResponses.error(ctx, status, message);
        }
    }

    /** What the worker decided: a reply, or a refusal by the rate limit. */
    private sealed interface Answer {
        record Replied(JsonObject reply) implements Answer {
        }

        record Limited(RateDecision.Refused refused) implements Answer {
        }
    }
}

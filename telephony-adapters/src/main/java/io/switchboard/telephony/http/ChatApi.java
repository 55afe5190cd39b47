package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.DependencyErrors;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.telephony.PiiMask;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * {@code POST /v1/chat}: one message in, the receptionist's reply out (see {@link ChatRequest} and {@link TurnJson}
 * for the shapes). The engine blocks on the database and maybe an LLM, so each turn runs on the worker pool.
 */
public final class ChatApi {

    public static final String PATH = "/v1/chat";

    private static final Logger LOG = LoggerFactory.getLogger(ChatApi.class);

    private final DialogEngine engine;
    private final TurnJson json;
    private final WorkerExecutor workers;
    private final DependencyErrors errors;

    public ChatApi(DialogEngine engine, AppointmentJson appointments, WorkerExecutor workers) {
        this(engine, appointments, workers, Metrics.disabled().errors());
    }

    /** @param errors counts turns the engine failed as {@code dialog} errors */
    public ChatApi(DialogEngine engine, AppointmentJson appointments, WorkerExecutor workers, DependencyErrors errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.json = new TurnJson(appointments);
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(ApiLimits.MAX_BODY_BYTES))
                .handler(this::chat);
    }

    private void chat(RoutingContext ctx) {
        ChatRequest request;
        try {
            request = ChatRequest.parse(ctx.body().buffer());
        } catch (BadRequestException e) {
            LOG.debug("chat request refused: {}", e.getMessage());
            ApiResponses.error(ctx, 400, e.getMessage());
            return;
        }
        long started = System.nanoTime();
        // Unordered: turns of different sessions must not queue behind each other; the engine serialises a session.
        workers.<JsonObject>executeBlocking(() -> json.toJson(engine.handle(request.toTurn())), false)
                .onSuccess(reply -> {
                    LOG.debug("chat turn on {} from {}: intent={} state={} in {} ms", request.channel().wireName(),
                            PiiMask.phone(request.from()), reply.getString("intent"), reply.getString("state"),
                            (System.nanoTime() - started) / 1_000_000);
                    ApiResponses.json(ctx, 200, reply);
                })
                .onFailure(e -> {
                    errors.record(DependencyKind.DIALOG);
                    LOG.error("chat turn failed on {} from {}: {}", request.channel().wireName(),
                            PiiMask.phone(request.from()), FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, "the receptionist could not answer; please try again");
                });
    }
}

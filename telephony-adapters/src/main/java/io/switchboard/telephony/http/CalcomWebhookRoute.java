package io.switchboard.telephony.http;

import io.switchboard.scheduling.calendar.calcom.CalcomSignature;
import io.switchboard.scheduling.calendar.calcom.CalcomWebhook;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * {@code POST /calcom/webhook}: Cal.com's booking webhooks, signed with {@code X-Cal-Signature-256} over the raw
 * body. Forged → 401, signed but unreadable → 400, anything read → 200 (so Cal.com does not redeliver an event we
 * chose to ignore); a failure on our side → 500, which Cal.com retries. Applied on a worker (JDBC).
 */
public final class CalcomWebhookRoute {

    public static final String PATH = "/calcom/webhook";
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CalcomWebhookRoute.class);

    /** What handles a delivery: {@link CalcomWebhook#handle}. */
    @FunctionalInterface
    public interface Receiver {
        CalcomWebhook.Outcome handle(byte[] body, String signature);
    }

    private final Receiver receiver;
    private final WorkerExecutor workers;

    public CalcomWebhookRoute(Receiver receiver, WorkerExecutor workers) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    public void mount(Router router) {
        BodyLimit.read(router.post(PATH), MAX_BODY_BYTES).handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        String signature = ctx.request().getHeader(CalcomSignature.HEADER);
        workers.<CalcomWebhook.Outcome>executeBlocking(() -> receiver.handle(body, signature), false)
                .onSuccess(outcome -> {
                    switch (outcome) {
                        case CalcomWebhook.Outcome.Forged f ->
                                ApiResponses.error(ctx, 401, CalcomSignature.HEADER + " does not match the body");
                        case CalcomWebhook.Outcome.Malformed m -> ApiResponses.error(ctx, 400, m.reason());
                        case CalcomWebhook.Outcome.Ignored i ->
                                ApiResponses.json(ctx, 200, new JsonObject().put("result", "ignored"));
                        case CalcomWebhook.Outcome.Applied a ->
                                ApiResponses.json(ctx, 200, new JsonObject().put("result", "applied"));
                    }
                })
                .onFailure(e -> {
                    LOG.error("Cal.com webhook failed: {}", FailureSummary.of(e));
                    ApiResponses.error(ctx, 500, "the change could not be applied; Cal.com will retry");
                });
    }
}

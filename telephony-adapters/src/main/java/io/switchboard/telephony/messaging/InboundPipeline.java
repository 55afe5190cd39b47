package io.switchboard.telephony.messaging;

import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What both text webhooks share: the inbox they store into before acknowledging, the handler that answers, the
 * completion that finishes a message in the background, the worker threads, the tracker of background work (so
 * shutdown can wait for it), the time bound of an answer, and the local spool that keeps an SMS until the database
 * has it.
 */
record InboundPipeline(Inbox inbox, InboundTextHandler handler, InboxCompletion completion, WorkerExecutor workers,
                       InFlight inFlight, Duration answerWithin, Optional<InboundSpool> spool) {

    InboundPipeline {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(inFlight, "inFlight");
        Objects.requireNonNull(answerWithin, "answerWithin");
        Objects.requireNonNull(spool, "spool");
    }
}

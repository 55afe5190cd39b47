package io.switchboard.telephony.calllog;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.models.Channel;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as the text channels see it, with every text turn written to the {@link ConversationLog} (voice calls
 * have their own recorder, which logs them when they end). The text channels already run turns on worker threads,
 * so the write happens there; a log that cannot be written costs the owner a line in the log, never the customer
 * their reply.
 */
public final class LoggedConversations implements DialogEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedConversations.class);

    private final DialogEngine engine;
    private final ConversationLog log;
    private final Clock clock;

    public LoggedConversations(DialogEngine engine, ConversationLog log, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TurnResult begin(Channel channel, String sessionId, String from) {
        return engine.begin(channel, sessionId, from);
    }

    @Override
    public TurnResult handle(TurnRequest request) {
        if (request.channel() == Channel.VOICE) {
            return engine.handle(request);
        }
        long started = System.nanoTime();
        TurnResult result;
        try {
            result = engine.handle(request);
        } catch (RuntimeException e) {
            write(() -> log.failed(request.channel(), DependencyKind.DIALOG, clock.instant()));
            throw e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        write(() -> log.append(request, result, clock.instant(), millis));
        return result;
    }

    @Override
    public void end(Channel channel, String sessionId) {
        engine.end(channel, sessionId);
    }

    @Override
    public void warmUp() {
        engine.warmUp();
    }

    private static void write(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("conversation log: a text turn was NOT stored ({})", e.getClass().getName());
        }
    }
}

package io.switchboard.telephony.alerts;

import io.switchboard.models.Channel;
import io.switchboard.telephony.metrics.OwnerAlertMetrics;
import io.switchboard.telephony.metrics.OwnerAlertMetrics.Result;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the owner alert queue: one {@link #dispatch()} pass sends at most one text. A pass runs in one transaction
 * holding this schema's dispatch lock, so across every instance one dispatcher at a time decides and sends; the due
 * alerts are locked with {@code FOR UPDATE SKIP LOCKED} and marked sent in the same transaction, so each is delivered
 * once. (A crash after the provider accepted the text but before the commit sends it again on the next pass: an alert
 * may be repeated, never lost.)
 *
 * <p>Pacing: no text within {@link OwnerAlertSettings#minGap()} of the last one, so what arrives meanwhile goes out
 * together. The outcomes: sent ({@code sent}/{@code aggregated}); refused by the owner's rate limit ({@code deferred},
 * tried again after the gap, in the next aggregate); failed ({@code failed}, retried with back-off). Alerts older than
 * the give-up time are expired with an error log. Blocking: run it on a worker thread.
 */
public final class OwnerAlertDispatcher {

    /** What one pass did. */
    public enum Pass {
        /** Nothing was due. */
        IDLE,
        /** Another dispatcher holds the lock; it will deliver. */
        BUSY,
        /** Alerts are due but the last text was less than the minimum gap ago. */
        WAITING,
        SENT,
        DEFERRED,
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(OwnerAlertDispatcher.class);
    /** Far more than one text can list; the rest stay queued. */
    private static final int MAX_CLAIM = 200;

    private final OwnerAlertStore store;
    private final OutboundMessenger messenger;
    private final String ownerE164;
    private final OwnerAlertText text;
    private final OwnerAlertSettings settings;
    private final OwnerAlertMetrics metrics;
    private final Clock clock;

    public OwnerAlertDispatcher(OwnerAlertStore store, OutboundMessenger messenger, String ownerE164,
                                OwnerAlertText text, OwnerAlertSettings settings, OwnerAlertMetrics metrics,
                                Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.ownerE164 = Objects.requireNonNull(ownerE164, "ownerE164");
        this.text = Objects.requireNonNull(text, "text");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One pass: expire what is too old, then send one text if anything is due and the gap allows. */
    public Pass dispatch() {
        Instant now = clock.instant();
        if (!store.anyDue(now)) {
            return Pass.IDLE;
        }
        return store.dsl().transactionResult(cfg -> pass(cfg.dsl(), now));
    }

    private Pass pass(DSLContext tx, Instant now) {
        if (!OwnerAlertStore.tryDispatchLock(tx)) {
            return Pass.BUSY;
        }
        int expired = OwnerAlertStore.expireRaisedBefore(tx, now.minus(settings.giveUpAfter()));
        if (expired > 0) {
            LOG.error("{} EMERGENCY alert(s) could not be delivered to the owner within {} and were given up",
                    expired, settings.giveUpAfter());
            metrics.record(Result.EXPIRED, expired);
        }
        Optional<Instant> last = OwnerAlertStore.lastSent(tx);
        if (last.isPresent() && now.isBefore(last.get().plus(settings.minGap()))) {
            return Pass.WAITING;
        }
        List<PendingAlert> due = OwnerAlertStore.claimDue(tx, now, MAX_CLAIM);
        if (due.isEmpty()) {
            return Pass.IDLE;
        }
        OwnerAlertText.Composed composed = text.compose(due, now);
        List<Long> ids = composed.included();
        metrics.record(Result.DEFERRED, due.size() - ids.size());
        SendResult result = send(composed.text());
        if (result.outcome() == SendOutcome.SENT) {
            OwnerAlertStore.markSent(tx, ids, now, result.providerMessageId());
            metrics.record(ids.size() == 1 ? Result.SENT : Result.AGGREGATED, ids.size());
            LOG.info("owner alerted: {} emergency alert(s) in one text ({} still queued)", ids.size(),
                    due.size() - ids.size());
            return Pass.SENT;
        }
        if (result.outcome() == SendOutcome.RATE_LIMITED) {
            OwnerAlertStore.defer(tx, ids, now.plus(settings.minGap()), "owner rate limit reached");
            metrics.record(Result.DEFERRED, ids.size());
            LOG.warn("owner alert text of {} alert(s) deferred: the owner's rate limit is reached; retrying in {}",
                    ids.size(), settings.minGap());
            return Pass.DEFERRED;
        }
        int failures = due.stream().filter(a -> ids.contains(a.id())).mapToInt(PendingAlert::attempts).max()
                .orElse(0) + 1;
        Instant next = now.plus(settings.retryAfter(failures));
        OwnerAlertStore.failed(tx, ids, next, result.outcome().name().toLowerCase(Locale.ROOT) + ": "
                + result.detail());
        metrics.record(Result.FAILED, ids.size());
        LOG.error("EMERGENCY alert text of {} alert(s) NOT delivered to the owner ({}, failure {}); retrying in {}",
                ids.size(), result.outcome(), failures, settings.retryAfter(failures));
        return Pass.FAILED;
    }

    private SendResult send(String body) {
        try {
            return messenger.send(Channel.SMS, ownerE164, body).toCompletableFuture()
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return SendResult.notSent(SendOutcome.FAILED, 0, "no answer from the provider in time");
        } catch (ExecutionException e) {
            return SendResult.notSent(SendOutcome.FAILED, 0, "send failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.notSent(SendOutcome.FAILED, 0, "interrupted");
        }
    }
}

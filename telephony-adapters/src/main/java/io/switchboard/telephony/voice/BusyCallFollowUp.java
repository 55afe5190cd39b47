package io.switchboard.telephony.voice;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after a caller was turned away because every line was busy: the call goes on the owner's missed-call
 * list and, when SMS is on and the number is known, the caller is texted that the business will call back. Never
 * blocks the caller (the media event loop): the database write and the send run on this object's own thread.
 */
public final class BusyCallFollowUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusyCallFollowUp.class);
    /** Refused calls waiting for their database row; a flood beyond this is logged and dropped. */
    private static final int QUEUE = 256;

    private final MissedCalls missedCalls;
    private final Optional<OutboundMessenger> sms;
    private final PhoneNumberNormalizer phones;
    private final String text;
    private final ThreadPoolExecutor worker;

    /**
     * @param sms          the messenger to text the caller with, or empty when SMS is not configured
     * @param businessName named in the text
     */
    public BusyCallFollowUp(MissedCalls missedCalls, Optional<OutboundMessenger> sms, PhoneNumberNormalizer phones,
                            String businessName) {
        this.missedCalls = Objects.requireNonNull(missedCalls, "missedCalls");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.text = text(businessName);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "switchboard-missed-calls");
            t.setDaemon(true);
            return t;
        });
    }

    /** The text a turned-away caller gets. */
    public static String text(String businessName) {
        return "Sorry we missed your call to " + businessName + " - all our lines were busy. We'll call you back as "
                + "soon as we can. If it's urgent, reply here.";
    }

    /**
     * Records the refused call and texts the caller. Returns at once.
     *
     * @param from the caller's number as Twilio gave it, or null
     * @return completes once the row is stored and the text (if any) handed over; never exceptionally
     */
    public CompletableFuture<Void> turnedAway(String callSid, String from) {
        Optional<String> caller = from == null ? Optional.empty() : phones.toE164(from);
        String who = PiiMask.phone(caller.orElse(from));
        CompletableFuture<Boolean> recorded;
        try {
            recorded = CompletableFuture.supplyAsync(() -> record(callSid, caller, who), worker);
        } catch (RejectedExecutionException e) {
            LOG.error("missed call from {} NOT recorded: follow-up queue full", who);
            return CompletableFuture.completedFuture(null);
        }
        return recorded.thenCompose(isNew -> isNew && sms.isPresent() && caller.isPresent()
                ? textBack(callSid, caller.get(), who)
                : CompletableFuture.completedFuture(null));
    }

    /** @return true when this call was not on the list yet (a repeated stream is not texted twice) */
    private boolean record(String callSid, Optional<String> caller, String who) {
        try {
            boolean isNew = missedCalls.record(callSid, caller.orElse(null), MissedCall.BUSY);
            if (isNew) {
                LOG.info("missed call from {} recorded (all lines busy)", who);
            }
            return isNew;
        } catch (RuntimeException e) {
            LOG.error("missed call from {} NOT recorded: {}", who, e.getClass().getName());
            return false;
        }
    }

    private CompletableFuture<Void> textBack(String callSid, String caller, String who) {
        return sms.get().send(Channel.SMS, caller, text).toCompletableFuture().thenAcceptAsync(result -> {
            if (!result.isSent()) {
                LOG.warn("busy text to {} not sent: {}", who, result.detail());
                return;
            }
            try {
                missedCalls.textedBack(callSid);
            } catch (RuntimeException e) {
                LOG.warn("could not mark the missed call from {} as texted: {}", who, e.getClass().getName());
            }
        }, worker).exceptionally(e -> {
            LOG.warn("busy text to {} failed: {}", who, e.getClass().getName());
            return null;
        });
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

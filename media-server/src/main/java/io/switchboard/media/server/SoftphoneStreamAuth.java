package io.switchboard.media.server;

import io.switchboard.telephony.twilio.TwimlResponses;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who may place a call from the browser softphone ({@code /try}): whoever holds a ticket the owner dashboard issued
 * to a signed-in session ({@code POST /admin/softphone-ticket}), single-use and valid for a minute. There is no
 * Twilio signature on this path, so the upgrade itself proves nothing; the ticket in the {@code start}'s custom
 * parameters is checked before any call resource is taken, off the event loop (it is a database update).
 *
 * <p>The admitted call gets a fresh call id ({@code WB…}) whatever the page sent, and the caller ID the owner chose
 * to test with ({@code From}, E.164) or none: the owner is trusted to act as any caller, as a trusted integration is
 * on {@code /v1/chat}.
 */
public final class SoftphoneStreamAuth implements MediaStreamAuth, AutoCloseable {

    public static final String PARAM_TICKET = "ticket";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final int QUEUE = 32;

    private final Predicate<String> claimTicket;
    private final ThreadPoolExecutor blocking;
    private final SecureRandom random = new SecureRandom();

    /** @param claimTicket true exactly once for a live ticket; blocking, run on this auth's own thread */
    public SoftphoneStreamAuth(Predicate<String> claimTicket) {
        this.claimTicket = Objects.requireNonNull(claimTicket, "claimTicket");
        this.blocking = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "softphone-tickets");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public boolean upgradeSigned(String signature) {
        // The browser cannot sign; the ticket on start is the proof.
        return true;
    }

    @Override
    public CompletableFuture<StreamAdmission> admit(StartInfo start) {
        String ticket = start.customParameters().get(PARAM_TICKET);
        if (ticket == null || ticket.isEmpty()) {
            return CompletableFuture.completedFuture(new StreamAdmission.Refused("no softphone ticket"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> claimTicket.test(ticket)
                    ? new StreamAdmission.Admitted(verified(start))
                    : new StreamAdmission.Refused("softphone ticket unknown, expired or used"), blocking);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new StreamAdmission.Refused("softphone ticket queue full"));
        }
    }

    private StartInfo verified(StartInfo start) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String callSid = "WB" + HexFormat.of().formatHex(id);
        Map<String, String> params = new HashMap<>();
        params.put(TwimlResponses.PARAM_CALL_SID, callSid);
        String from = start.customParameters().get(TwimlResponses.PARAM_FROM);
        if (from != null && E164.matcher(from).matches()) {
            params.put(TwimlResponses.PARAM_FROM, from);
        }
        return new StartInfo(start.streamSid(), callSid, null, start.tracks(), params, start.mediaFormat());
    }

    @Override
    public void close() {
        blocking.shutdownNow();
    }
}

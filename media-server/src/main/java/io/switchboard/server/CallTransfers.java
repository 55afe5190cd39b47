package io.switchboard.server;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.PreviewedTurn;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.media.call.CallOutput;
import io.switchboard.media.call.CallSession;
import io.switchboard.media.call.CallSessionFactory;
import io.switchboard.models.Channel;
import io.switchboard.telephony.outbound.TwilioCallTransfer;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live transfers of voice calls, without the voice loop knowing about them: the dialog's
 * {@link DialogAction.TransferCall} marks the call (its session id is the call SID), the voice loop speaks the reply
 * and hangs up as for any ended conversation, and this call's hang-up becomes the Twilio call update to
 * {@code <Dial>} instead, so the caller hears "putting you through" in full before the owner's phone rings. The update
 * is blocking REST, so it runs on a thread of its own; the stream is closed once Twilio has answered.
 */
final class CallTransfers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallTransfers.class);

    private final TwilioCallTransfer twilio;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "switchboard-call-transfer");
        t.setDaemon(true);
        return t;
    });

    CallTransfers(TwilioCallTransfer twilio) {
        this.twilio = Objects.requireNonNull(twilio, "twilio");
    }

    /** The engine as the voice loop sees it: a turn that transfers marks its call. */
    DialogEngine engine(DialogEngine inner) {
        return new DialogEngine() {
            @Override
            public TurnResult begin(Channel channel, String sessionId, String from) {
                return inner.begin(channel, sessionId, from);
            }

            @Override
            public TurnResult handle(TurnRequest request) {
                TurnResult result = inner.handle(request);
                if (request.channel() == Channel.VOICE && result.has(DialogAction.TransferCall.class)) {
                    pending.add(request.sessionId());
                }
                return result;
            }

            @Override
            public Optional<PreviewedTurn> preview(TurnRequest request) {
                // committed through handle, so a committed transfer is still put through
                return inner.preview(request).map(p -> PreviewedTurn.of(request, p.result(), this::handle));
            }

            @Override
            public void end(Channel channel, String sessionId) {
                pending.remove(sessionId); // a caller who hung up first is not transferred
                inner.end(channel, sessionId);
            }

            @Override
            public void warmUp() {
                inner.warmUp();
            }
        };
    }

    /** The calls as the media server opens them: each call's output transfers instead of hanging up when marked. */
    CallSessionFactory calls(CallSessionFactory inner) {
        return (StartInfo start, CallOutput output) -> inner.open(start, new TransferOnHangUp(start.callSid(), output));
    }

    /** Whether a transfer waits for this call's hang-up (tests). */
    boolean pending(String callSid) {
        return pending.contains(callSid);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class TransferOnHangUp implements CallOutput {
        private final String callSid;
        private final CallOutput output;

        TransferOnHangUp(String callSid, CallOutput output) {
            this.callSid = callSid;
            this.output = output;
        }

        @Override
        public void sendMedia(byte[] muLaw, int offset, int length) {
            output.sendMedia(muLaw, offset, length);
        }

        @Override
        public void sendMark(String name) {
            output.sendMark(name);
        }

        @Override
        public void sendClear() {
            output.sendClear();
        }

        @Override
        public boolean isWritable() {
            return output.isWritable();
        }

        @Override
        public void hangUp() {
            if (callSid == null || !pending.remove(callSid)) {
                output.hangUp();
                return;
            }
            try {
                thread.execute(() -> {
                    try {
                        twilio.transfer(callSid);
                    } finally {
                        output.hangUp();
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.warn("call transfer refused while shutting down; hanging up");
                output.hangUp();
            }
        }
    }
}

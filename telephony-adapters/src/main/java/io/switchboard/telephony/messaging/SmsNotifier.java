package io.switchboard.telephony.messaging;

import io.switchboard.dialog.AlertReceipt;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.alerts.HandOffText;
import io.switchboard.telephony.alerts.OwnerAlertSettings;
import io.switchboard.telephony.alerts.OwnerAlertStore;
import io.switchboard.telephony.alerts.OwnerAlertWorker;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.TwilioSmsSender;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts the owner about an emergency: the alert is stored in the durable owner alert queue (one per conversation)
 * and the alert worker is woken to send it, so the caller's turn waits for one insert, never for the SMS provider.
 * The answer is {@link AlertReceipt#QUEUED} only once the alert is stored: from then on it is delivered, aggregated
 * with others when many arrive, deferred past the owner's rate limit and retried on failure.
 */
public final class SmsNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(SmsNotifier.class);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm EEE d MMM", Locale.UK);

    private final OwnerAlertStore store;
    private final OwnerAlertWorker worker;
    private final Duration oneAlertPer;
    private final OutboundMessenger outbound;
    private final BusinessProfile profile;
    private final HandOffText handOffs;

    /** @param outbound texts the owner about a PIN lockout (emergencies go through the alert queue instead) */
    public SmsNotifier(OwnerAlertStore store, OwnerAlertWorker worker, OwnerAlertSettings settings,
                       OutboundMessenger outbound, BusinessProfile profile) {
        this.store = Objects.requireNonNull(store, "store");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.oneAlertPer = settings.oneAlertPer();
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.handOffs = new HandOffText(profile.name(), profile.timezone(), TwilioSmsSender.MAX_BODY_CHARS);
    }

    @Override
    public AlertReceipt emergency(EmergencyAlert alert) {
        String caller = PiiMask.phone(alert.callerPhone());
        try {
            if (!store.enqueue(alert, oneAlertPer)) {
                LOG.info("emergency alert about {} already queued for this conversation", caller);
                return AlertReceipt.ALREADY_QUEUED;
            }
        } catch (RuntimeException e) {
            // The notifier must never fail the caller's turn; the caller is not told the team was alerted.
            LOG.error("EMERGENCY alert to the owner about {} NOT queued: {}", caller, e.getClass().getName());
            return new AlertReceipt.NotQueued("the alert queue is unavailable");
        }
        LOG.info("emergency alert about {} queued for the owner", caller);
        worker.kick();
        return AlertReceipt.QUEUED;
    }

    /**
     * Texts the owner at once that a caller wants a person. The text is handed to the outbound service (retried,
     * rate-limited per recipient), so the answer is {@link AlertReceipt#QUEUED} once it is accepted for sending.
     */
    @Override
    public AlertReceipt handOff(HandOffNote note) {
        try {
            outbound.send(Channel.SMS, profile.owner().phone(), handOffs.compose(note)).whenComplete((result, error) -> {
                if (error != null || !result.isSent()) {
                    LOG.error("hand-off text to the owner NOT delivered: {}",
                            error != null ? error.getClass().getName() : result.detail());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("hand-off text to the owner NOT sent: {}", e.getClass().getName());
            return new AlertReceipt.NotQueued("the text could not be sent");
        }
        LOG.info("owner texted: caller {} wants a person ({})", PiiMask.phone(note.callerPhone()), note.reason());
        return AlertReceipt.QUEUED;
    }

    /** The SMS notifier exists only when SMS is configured, and then voice bookings are followed by a text. */
    @Override
    public boolean textsCallers() {
        return true;
    }

    @Override
    public void ownerAccessLocked(OwnerLockedAlert alert) {
        try {
            outbound.send(Channel.SMS, profile.owner().phone(), text(alert)).whenComplete((result, error) -> {
                if (error != null || !result.isSent()) {
                    LOG.error("owner lockout alert NOT delivered: {}",
                            error != null ? error.getClass().getName() : result.detail());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("owner lockout alert NOT sent: {}", e.getClass().getName());
        }
    }

    /** No PIN and no caller number: the guesses may come with a spoofed caller ID, the owner's own. */
    String text(OwnerLockedAlert alert) {
        return profile.name() + ": " + io.switchboard.scheduling.owner.OwnerLockout.MAX_FAILURES
                + " wrong PINs were tried for your schedule (last by " + alert.channel().wireName()
                + "). Owner access is locked until " + alert.until().atZone(profile.timezone()).format(WHEN)
                + ". If this wasn't you, consider changing your PIN. To lift it now, text UNLOCK to this number.";
    }
}

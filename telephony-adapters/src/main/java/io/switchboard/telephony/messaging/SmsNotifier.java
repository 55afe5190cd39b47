package io.switchboard.telephony.messaging;

import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.TwilioSmsSender;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts the owner about an emergency at once: the caller's number and name, the address and the problem. The send is
 * handed to the {@link OutboundMessenger} (which delivers and retries on its own executor), so the caller's turn
 * never waits for the SMS provider.
 */
public final class SmsNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(SmsNotifier.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm EEE d MMM", Locale.UK);

    private final OutboundMessenger outbound;
    private final BusinessProfile profile;

    public SmsNotifier(OutboundMessenger outbound, BusinessProfile profile) {
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    @Override
    public void emergency(EmergencyAlert alert) {
        String owner = profile.owner().phone();
        String caller = PiiMask.phone(alert.callerPhone());
        try {
            outbound.send(Channel.SMS, owner, text(alert)).whenComplete((result, error) -> {
                if (error != null || !result.isSent()) {
                    LOG.error("EMERGENCY alert to the owner about {} NOT delivered: {}", caller,
                            error != null ? error.getClass().getName() : result.detail());
                } else {
                    LOG.info("emergency alert about {} texted to the owner", caller);
                }
            });
        } catch (RuntimeException e) {
            // The notifier must never fail the caller's turn.
            LOG.error("EMERGENCY alert to the owner about {} NOT sent: {}", caller, e.getClass().getName());
        }
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
                + ". If this wasn't you, consider changing your PIN.";
    }

    String text(EmergencyAlert alert) {
        StringBuilder s = new StringBuilder("EMERGENCY - ").append(profile.name()).append('\n');
        s.append("Caller: ").append(orUnknown(alert.callerPhone(), "number withheld"));
        if (alert.callerName() != null && !alert.callerName().isBlank()) {
            s.append(" (").append(InboundText.clean(alert.callerName())).append(')');
        }
        s.append("\nAddress: ").append(orUnknown(alert.address(), "not given yet"));
        s.append("\nProblem: ").append(orUnknown(alert.problem(), "not described yet"));
        s.append("\nVia ").append(alert.channel() == null ? "unknown channel" : alert.channel().wireName());
        if (alert.at() != null) {
            s.append(" at ").append(alert.at().withZoneSameInstant(profile.timezone()).format(WHEN));
        }
        return InboundTextHandler.fit(s.toString(), TwilioSmsSender.MAX_BODY_CHARS);
    }

    /** Caller-supplied words are cleaned of control characters (and line breaks) so they cannot reshape the text. */
    private static String orUnknown(String value, String unknown) {
        String clean = InboundText.clean(value);
        return clean.isEmpty() ? unknown : clean;
    }
}

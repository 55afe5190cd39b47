package io.switchboard.telephony.calllog;

import io.switchboard.models.Channel;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts the owner a finished call's summary ({@link LoggedCall#summary()}), when it has one. The messenger never
 * blocks (delivery and retries run on its own executor), so this may be called from a call's thread.
 */
public final class OwnerCallSummaries {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerCallSummaries.class);

    private final OutboundMessenger sms;
    private final String ownerPhone;

    /** @param ownerPhone the owner's number in E.164 */
    public OwnerCallSummaries(OutboundMessenger sms, String ownerPhone) {
        this.sms = Objects.requireNonNull(sms, "sms");
        this.ownerPhone = Objects.requireNonNull(ownerPhone, "ownerPhone");
    }

    /** @return whether a text was handed to the messenger */
    public boolean send(LoggedCall call) {
        if (call.summary() == null) {
            return false;
        }
        sms.send(Channel.SMS, ownerPhone, call.summary()).whenComplete((result, error) -> {
            if (error != null) {
                LOG.warn("call summary to the owner ({}) failed: {}", PiiMask.phone(ownerPhone),
                        error.getClass().getName());
            } else if (!result.isSent()) {
                LOG.warn("call summary to the owner ({}) not sent: {}", PiiMask.phone(ownerPhone), result.detail());
            }
        });
        return true;
    }
}

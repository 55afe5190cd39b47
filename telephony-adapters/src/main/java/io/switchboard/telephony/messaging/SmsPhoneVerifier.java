package io.switchboard.telephony.messaging;

import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.identity.CodeCheck;
import io.switchboard.scheduling.identity.CodeIssue;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendResult;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time codes by SMS: {@link OneTimeCodes} issues and checks them (in PostgreSQL, shared by every instance), and the
 * code goes out through the outbound messenger for messages the business starts (rate-limited per recipient, retried,
 * opt-outs honoured). The turn waits a few seconds for the provider's answer, so the reply can say whether the text
 * went; a slower provider gets "on its way", never "sent". Neither the code nor the number is logged.
 */
public final class SmsPhoneVerifier implements PhoneVerifier {

    /** How long a turn waits for Twilio to accept the text; webhook turns must answer within 10 s. */
    static final Duration WAIT_FOR_PROVIDER = Duration.ofSeconds(4);

    private static final Logger LOG = LoggerFactory.getLogger(SmsPhoneVerifier.class);

    private final OneTimeCodes codes;
    private final OutboundMessenger outbound;
    private final String businessName;

    public SmsPhoneVerifier(OneTimeCodes codes, OutboundMessenger outbound, String businessName) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CodeDelivery send(String phone, CodePurpose purpose, String conversation, String client) {
        CodeIssue issue = codes.issue(phone, purpose, conversation, client);
        if (issue instanceof CodeIssue.Refused refused) {
            LOG.info("one-time code for {} not issued: {}", PiiMask.phone(phone), refused.reason());
            return new CodeDelivery.Refused(refused.reason());
        }
        String code = ((CodeIssue.Issued) issue).code();
        try {
            SendResult result = outbound.send(Channel.SMS, phone, text(purpose, code)).toCompletableFuture()
                    .get(WAIT_FOR_PROVIDER.toMillis(), TimeUnit.MILLISECONDS);
            if (result.isSent()) {
                LOG.info("one-time code ({}) texted to {}", purpose, PiiMask.phone(phone));
                return new CodeDelivery.Sent();
            }
            LOG.warn("one-time code to {} not delivered: {}", PiiMask.phone(phone), result.detail());
            return new CodeDelivery.NotDelivered();
        } catch (TimeoutException e) {
            return new CodeDelivery.Pending(); // still being sent (retries): the reply says it may take a minute
        } catch (ExecutionException e) {
            LOG.warn("one-time code to {} not delivered: {}", PiiMask.phone(phone), e.getCause().getClass().getSimpleName());
            return new CodeDelivery.NotDelivered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CodeDelivery.Pending();
        }
    }

    @Override
    public CodeCheck check(String phone, CodePurpose purpose, String conversation, String typed) {
        return codes.verify(phone, purpose, conversation, typed);
    }

    /** The code first (phones show it in the notification), then what it is for and a warning not to share it. */
    String text(CodePurpose purpose, String code) {
        long minutes = codes.policy().lifetime().toMinutes();
        return switch (purpose) {
            case OWNER_UNLOCK -> code + " is your " + businessName + " owner unlock code (" + minutes
                    + " min). If you didn't ask for it, someone is trying your PIN: don't share it.";
            case CHANGE_BOOKING, CALLBACK_NUMBER -> code + " is your " + businessName + " code (" + minutes
                    + " min). Don't share it: we never ask for it by phone. If you didn't ask for it, ignore this.";
        };
    }
}

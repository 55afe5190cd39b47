package io.switchboard.dialog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Default {@link Notifier} when no SMS provider is configured: a warning in the log, without the caller's details. It
 * answers {@link AlertReceipt#NOT_CONFIGURED}, so the caller is not told the team was alerted.
 */
public final class LoggingNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public AlertReceipt emergency(EmergencyAlert alert) {
        String phone = alert.callerPhone();
        String tail = phone == null || phone.length() < 3 ? "unknown" : "***" + phone.substring(phone.length() - 3);
        LOG.warn("EMERGENCY on {} from {} at {} (configure SMS to text the owner)", alert.channel().wireName(), tail,
                alert.at());
        return AlertReceipt.NOT_CONFIGURED;
    }
}

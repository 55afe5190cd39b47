package io.switchboard.scheduling.calendar.calcom;

/**
 * Cal.com could not be asked (network, timeout, 5xx after retries) or refused our credentials. Nothing was
 * decided there that we know of; the message carries no customer data.
 */
public final class CalcomUnavailableException extends RuntimeException {

    public CalcomUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

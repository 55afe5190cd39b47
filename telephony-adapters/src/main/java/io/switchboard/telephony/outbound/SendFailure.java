package io.switchboard.telephony.outbound;

/**
 * A provider call that did not deliver. Transient means a retry may succeed (connection failure, timeout, HTTP 429
 * or 5xx); anything else (4xx) will fail the same way again. The message never holds numbers or message text.
 */
public final class SendFailure extends Exception {

    /** For failures that never got an HTTP status (connection refused, timeout). */
    public static final int NO_STATUS = -1;

    private final boolean transientFailure;
    private final int httpStatus;

    public SendFailure(String message, boolean transientFailure, int httpStatus, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.httpStatus = httpStatus;
    }

    /** Classifies an HTTP error status: 429 and 5xx are worth retrying, other statuses are not. */
    public static SendFailure forStatus(int httpStatus, String message) {
        return new SendFailure(message, isTransientStatus(httpStatus), httpStatus, null);
    }

    public static SendFailure connection(String message, Throwable cause) {
        return new SendFailure(message, true, NO_STATUS, cause);
    }

    public static boolean isTransientStatus(int httpStatus) {
        return httpStatus == 429 || httpStatus >= 500;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The HTTP status, or {@link #NO_STATUS}. */
    public int httpStatus() {
        return httpStatus;
    }
}

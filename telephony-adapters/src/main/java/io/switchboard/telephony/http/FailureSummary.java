package io.switchboard.telephony.http;

/**
 * A loggable line for an unexpected exception: its type and where it was thrown, never its message, because
 * messages can quote a caller's words or phone number.
 */
final class FailureSummary {

    private FailureSummary() {
    }

    static String of(Throwable e) {
        if (e == null) {
            return "no exception";
        }
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "unknown location" : trace[0].toString();
        String cause = e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getName();
        return e.getClass().getName() + " at " + where + cause;
    }
}

package io.switchboard.media.call;

/**
 * Who a call is: Twilio's call SID (the dialog session id) and the caller's number (may be null when withheld).
 * {@link #toString()} leaves the number out so the record can be logged.
 */
record CallContext(String callSid, String from) {

    String maskedId() {
        return CallIds.mask(callSid);
    }

    @Override
    public String toString() {
        return "CallContext[" + maskedId() + "]";
    }
}

package io.switchboard.media.call;

/** Shortens Twilio call SIDs for log lines and thread names. */
final class CallIds {

    private static final int VISIBLE = 6;

    private CallIds() {
    }

    /** {@code "CA0123...abcdef"} becomes {@code "…abcdef"}; only letters and digits survive. */
    static String mask(String callSid) {
        if (callSid == null) {
            return "…";
        }
        String clean = callSid.replaceAll("[^A-Za-z0-9]", "");
        return "…" + (clean.length() <= VISIBLE ? clean : clean.substring(clean.length() - VISIBLE));
    }
}

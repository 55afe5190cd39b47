package io.switchboard.telephony;

/**
 * Masks phone numbers (or WhatsApp ids) for log lines: only the last three digits survive, so an operator can
 * correlate log lines with a caller they already know without the log itself holding the number.
 */
public final class PiiMask {

    static final int VISIBLE_DIGITS = 3;

    private PiiMask() {
    }

    /**
     * {@code "+447700900123"} becomes {@code "***123"}; {@code null} or blank becomes {@code "<none>"}; anything with
     * too few digits to hide some of them becomes {@code "***"}. Non-digits never pass through, so a garbage or
     * hostile value cannot smuggle text into the log.
     */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "<none>";
        }
        char[] last = new char[VISIBLE_DIGITS];
        int digits = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits < VISIBLE_DIGITS) {
                    last[VISIBLE_DIGITS - 1 - digits] = c;
                }
                digits++;
            }
        }
        // Fewer than two hidden digits would reveal most of a short code or a garbage value.
        if (digits < VISIBLE_DIGITS + 2) {
            return "***";
        }
        return "***" + new String(last);
    }
}

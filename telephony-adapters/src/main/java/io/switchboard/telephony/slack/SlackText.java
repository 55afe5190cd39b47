package io.switchboard.telephony.slack;

/** Slack's message text escaping: {@code &}, {@code <} and {@code >} are control characters in its markup. */
final class SlackText {

    private SlackText() {
    }

    /** {@code text} with Slack's three control characters escaped, so user words cannot forge mentions or links. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

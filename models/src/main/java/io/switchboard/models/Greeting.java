package io.switchboard.models;

/**
 * The business's own opening words, per kind of channel; an empty text means the receptionist's standard greeting.
 *
 * @param voice      said when a call is answered (plain words: it is spoken)
 * @param text       sent as the first reply on SMS, WhatsApp and web chat
 * @param disclosure said on every call right after the welcome: that the caller is talking to an automated assistant
 *                   and that the call is transcribed (required in the UK and in two-party-consent US states, so it
 *                   cannot be left out; blank means {@link #STANDARD_DISCLOSURE})
 */
public record Greeting(String voice, String text, String disclosure) {

    /** What callers are told when the business has not worded it itself. */
    public static final String STANDARD_DISCLOSURE =
            "You're speaking with an automated assistant, and this call is transcribed.";

    /** No greeting of the business's own: the standard one, naming the business, with the standard disclosure. */
    public static final Greeting STANDARD = new Greeting("", "");

    public Greeting {
        voice = voice == null ? "" : voice.strip();
        text = text == null ? "" : text.strip();
        disclosure = disclosure == null || disclosure.isBlank() ? STANDARD_DISCLOSURE : disclosure.strip();
    }

    /** The business's own words with the standard disclosure. */
    public Greeting(String voice, String text) {
        this(voice, text, STANDARD_DISCLOSURE);
    }

    /** One greeting for every channel. */
    public static Greeting of(String everywhere) {
        return new Greeting(everywhere, everywhere);
    }

    public boolean hasVoice() {
        return !voice.isEmpty();
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    /**
     * {@code opening} (the words said when a call is answered) with the disclosure after its first sentence, so the
     * caller hears who answered, then what it is, then the question: "Thanks for calling X. You're speaking with an
     * automated assistant, and this call is transcribed. How can I help you today?"
     */
    public String spoken(String opening) {
        String o = opening == null ? "" : opening.strip();
        for (int i = 0; i < o.length() - 1; i++) {
            char c = o.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && o.charAt(i + 1) == ' ') {
                return o.substring(0, i + 1) + " " + disclosure + " " + o.substring(i + 2).strip();
            }
        }
        return o.isEmpty() ? disclosure : o + " " + disclosure;
    }
}

package io.switchboard.models;

/**
 * The business's own opening words, per kind of channel; an empty text means the receptionist's standard greeting.
 *
 * @param voice said when a call is answered (plain words: it is spoken)
 * @param text  sent as the first reply on SMS, WhatsApp and web chat
 */
public record Greeting(String voice, String text) {

    /** No greeting of the business's own: the standard one, naming the business. */
    public static final Greeting STANDARD = new Greeting("", "");

    public Greeting {
        voice = voice == null ? "" : voice.strip();
        text = text == null ? "" : text.strip();
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
}

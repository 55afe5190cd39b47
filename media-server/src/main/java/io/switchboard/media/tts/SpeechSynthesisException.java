package io.switchboard.media.tts;

/** The speech synthesiser could not start, or could not speak a given text. */
public class SpeechSynthesisException extends RuntimeException {

    public SpeechSynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}

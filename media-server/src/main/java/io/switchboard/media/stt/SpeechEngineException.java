package io.switchboard.media.stt;

/** A speech engine could not start or failed in a way the call cannot recover from; the message says what to fix. */
public class SpeechEngineException extends RuntimeException {

    public SpeechEngineException(String message) {
        super(message);
    }

    public SpeechEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}

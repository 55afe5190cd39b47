package io.switchboard.dialog.llm;

import java.util.Optional;

/**
 * Asks a language model what a message means when the rules could not tell.
 * Blocking (a network call of up to the configured timeout): never call it on an event loop.
 */
public interface LlmFallback {

    /**
     * @param userText what the caller said or typed
     * @param context  the clock, services and last question the answer is read and checked against
     * @return the validated interpretation, or empty when the fallback is off, failed, timed out or answered
     *         something unusable; the dialog then asks the caller to rephrase
     */
    Optional<LlmInterpretation> interpret(String userText, LlmContext context);

    /** False when no model is configured, so callers can skip the fallback altogether. */
    default boolean enabled() {
        return true;
    }
}

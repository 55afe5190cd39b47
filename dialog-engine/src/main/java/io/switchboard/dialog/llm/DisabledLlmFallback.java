package io.switchboard.dialog.llm;

import java.util.Optional;

/** The fallback when no model is configured: it never understands anything. */
public final class DisabledLlmFallback implements LlmFallback {

    public static final DisabledLlmFallback INSTANCE = new DisabledLlmFallback();

    private DisabledLlmFallback() {
    }

    @Override
    public Optional<LlmInterpretation> interpret(String userText, LlmContext context) {
        return Optional.empty();
    }

    @Override
    public boolean enabled() {
        return false;
    }
}

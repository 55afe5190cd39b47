package io.switchboard.dialog.llm;

import java.util.Locale;
import java.util.Optional;

/** Which kind of chat API the fallback talks to. */
public enum LlmProvider {
    /** OpenAI or any server speaking its chat-completions API (vLLM, llama.cpp, Ollama, ...). */
    OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),
    /** Anthropic's messages API. */
    ANTHROPIC("https://api.anthropic.com/v1/", "claude-3-5-haiku-latest");

    private final String defaultBaseUrl;
    private final String defaultModel;

    LlmProvider(String defaultBaseUrl, String defaultModel) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** Reads {@code "openai"} / {@code "anthropic"}, ignoring case and surrounding blanks. */
    public static Optional<LlmProvider> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (LlmProvider p : values()) {
            if (p.name().equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

package io.switchboard.dialog.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.switchboard.dialog.metrics.DependencyErrors;
import io.switchboard.dialog.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/** Builds the fallback from configuration: a langchain4j chat model, or the disabled fallback without a key. */
public final class LlmFallbacks {

    /** Replies are one small JSON object; a cap keeps a runaway model from costing time and money. */
    static final int MAX_REPLY_TOKENS = 300;

    private static final Logger LOG = LoggerFactory.getLogger(LlmFallbacks.class);

    private LlmFallbacks() {
    }

    /** The fallback the settings describe (see {@link LlmConfig#from}), or the disabled one when none is. */
    public static LlmFallback create(Optional<LlmConfig> config, DependencyErrors errors) {
        return config.map(c -> create(c, errors))
                .orElseGet(() -> {
                    LOG.info("LLM fallback off: no API key configured");
                    return DisabledLlmFallback.INSTANCE;
                });
    }

    public static LlmFallback create(LlmConfig config) {
        return create(config, Metrics.disabled().errors());
    }

    public static LlmFallback create(LlmConfig config, DependencyErrors errors) {
        LOG.info("LLM fallback on: {}", config);
        return new ChatModelLlmFallback(chatModel(config),
                config.provider().name().toLowerCase(Locale.ROOT) + "/" + config.modelName(), new LlmOutputParser(),
                errors);
    }

    /**
     * The langchain4j model for a configuration: deterministic (temperature 0), no retries (a retry would
     * blow the turn's time budget; the caller is asked to rephrase instead), no request/response logging
     * (it would log the caller's words).
     */
    public static ChatModel chatModel(LlmConfig config) {
        return switch (config.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.modelName())
                    .temperature(0.0)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey())
                    .modelName(config.modelName())
                    .temperature(0.0)
                    .maxTokens(MAX_REPLY_TOKENS)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }
}

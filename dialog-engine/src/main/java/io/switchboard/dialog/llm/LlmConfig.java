package io.switchboard.dialog.llm;

import io.switchboard.models.settings.SettingsSource;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the fallback model.
 *
 * @param provider  which API
 * @param apiKey    the secret key; never printed ({@link #toString()} masks it)
 * @param baseUrl   the API's base URL (OpenAI-compatible servers: up to and including {@code /v1})
 * @param modelName the model to ask
 * @param timeout   how long one request may take before the caller is asked to rephrase instead
 */
public record LlmConfig(LlmProvider provider, String apiKey, String baseUrl, String modelName, Duration timeout) {

    public static final String PROVIDER = "SWITCHBOARD_LLM_PROVIDER";
    public static final String MODEL = "SWITCHBOARD_LLM_MODEL";
    public static final String TIMEOUT_MS = "SWITCHBOARD_LLM_TIMEOUT_MS";
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";
    public static final String ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY";
    public static final String ANTHROPIC_BASE_URL = "ANTHROPIC_BASE_URL";
    /** A turn must stay quick; a slow model is worse than asking the caller to rephrase. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public LlmConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(timeout, "timeout");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("LLM api key must not be blank");
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("LLM base URL must start with http:// or https://");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("LLM timeout must be positive");
        }
    }

    /**
     * Reads the configuration from the settings.
     *
     * <p>{@code SWITCHBOARD_LLM_PROVIDER} picks {@code openai} or {@code anthropic}; when unset, the provider
     * whose key is present wins (OpenAI first). {@code SWITCHBOARD_LLM_MODEL} overrides the provider's default
     * model, {@code OPENAI_BASE_URL} / {@code ANTHROPIC_BASE_URL} its endpoint, and
     * {@code SWITCHBOARD_LLM_TIMEOUT_MS} the 3 s request timeout.
     *
     * @return empty when the chosen provider has no key: the fallback is off
     * @throws IllegalArgumentException when a variable is set to something unusable
     */
    public static Optional<LlmConfig> from(SettingsSource source) {
        String providerName = value(source, PROVIDER);
        LlmProvider provider;
        if (providerName != null) {
            provider = LlmProvider.fromName(providerName).orElseThrow(() -> new IllegalArgumentException(
                    PROVIDER + " must be openai or anthropic, was '" + providerName + "'"));
        } else if (value(source, OPENAI_API_KEY) != null) {
            provider = LlmProvider.OPENAI;
        } else if (value(source, ANTHROPIC_API_KEY) != null) {
            provider = LlmProvider.ANTHROPIC;
        } else {
            return Optional.empty();
        }
        String key = value(source, provider == LlmProvider.OPENAI ? OPENAI_API_KEY : ANTHROPIC_API_KEY);
        if (key == null) {
            return Optional.empty();
        }
        String baseUrl = value(source, provider == LlmProvider.OPENAI ? OPENAI_BASE_URL : ANTHROPIC_BASE_URL);
        String model = value(source, MODEL);
        return Optional.of(new LlmConfig(provider, key,
                baseUrl == null ? provider.defaultBaseUrl() : baseUrl,
                model == null ? provider.defaultModel() : model,
                timeout(value(source, TIMEOUT_MS))));
    }

    private static Duration timeout(String millis) {
        if (millis == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long ms = Long.parseLong(millis);
            if (ms > 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the other bad values
        }
        throw new IllegalArgumentException(TIMEOUT_MS + " must be a positive number of milliseconds, was '"
                + millis + "'");
    }

    private static String value(SettingsSource source, String name) {
        String v = source.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return "LlmConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + modelName
                + ", timeout=" + timeout + ", apiKey=***]";
    }
}

package io.switchboard.dialog.llm;

import io.switchboard.models.settings.SettingsSource;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmConfigTest {

    @Test
    void withoutAnyKeyTheFallbackIsOff() {
        assertThat(LlmConfig.from(SettingsSource.of(Map.of()))).isEmpty();
        assertThat(LlmConfig.from(SettingsSource.of(Map.of("OPENAI_API_KEY", "  ")))).isEmpty();

        LlmFallback off = LlmFallbacks.create(LlmConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_LLM_PROVIDER", "openai"))), io.switchboard.dialog.metrics.Metrics.disabled().errors());
        assertThat(off).isSameAs(DisabledLlmFallback.INSTANCE);
        assertThat(off.enabled()).isFalse();
        assertThat(off.interpret("book me in", LlmTestContexts.bristolPlumbing(null))).isEmpty();
    }

    @Test
    void anOpenAiKeyAloneGivesOpenAiDefaults() {
        LlmConfig config = LlmConfig.from(SettingsSource.of(Map.of("OPENAI_API_KEY", "sk-test"))).orElseThrow();

        assertThat(config.provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(config.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(config.modelName()).isEqualTo(LlmProvider.OPENAI.defaultModel());
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void everySettingCanBeOverridden() {
        LlmConfig config = LlmConfig.from(SettingsSource.of(Map.of(
                "SWITCHBOARD_LLM_PROVIDER", "Anthropic",
                "OPENAI_API_KEY", "sk-unused",
                "ANTHROPIC_API_KEY", "ant-key",
                "ANTHROPIC_BASE_URL", "http://127.0.0.1:9999/v1/",
                "SWITCHBOARD_LLM_MODEL", "claude-local",
                "SWITCHBOARD_LLM_TIMEOUT_MS", "1500"))).orElseThrow();

        assertThat(config).isEqualTo(new LlmConfig(LlmProvider.ANTHROPIC, "ant-key", "http://127.0.0.1:9999/v1/",
                "claude-local", Duration.ofMillis(1500)));
    }

    @Test
    void theChosenProviderNeedsItsOwnKey() {
        assertThat(LlmConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_LLM_PROVIDER", "anthropic",
                "OPENAI_API_KEY", "sk-test")))).isEmpty();
        assertThat(LlmConfig.from(SettingsSource.of(Map.of("ANTHROPIC_API_KEY", "ant"))).orElseThrow().provider())
                .isEqualTo(LlmProvider.ANTHROPIC);
    }

    @Test
    void unusableSettingsAreReportedClearly() {
        assertThatThrownBy(() -> LlmConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_LLM_PROVIDER", "gemini",
                "OPENAI_API_KEY", "k"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openai or anthropic");
        assertThatThrownBy(() -> LlmConfig.from(SettingsSource.of(Map.of("OPENAI_API_KEY", "k",
                "SWITCHBOARD_LLM_TIMEOUT_MS", "soon"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SWITCHBOARD_LLM_TIMEOUT_MS");
        assertThatThrownBy(() -> LlmConfig.from(SettingsSource.of(Map.of("OPENAI_API_KEY", "k",
                "OPENAI_BASE_URL", "ftp://example"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }

    @Test
    void theKeyNeverAppearsInToString() {
        LlmConfig config = new LlmConfig(LlmProvider.OPENAI, "sk-very-secret", "https://api.openai.com/v1",
                "gpt-4o-mini", Duration.ofSeconds(3));

        assertThat(config.toString()).doesNotContain("sk-very-secret").contains("gpt-4o-mini");
        assertThat(LlmFallbacks.create(config).enabled()).isTrue();
    }
}

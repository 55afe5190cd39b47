package io.switchboard.dialog.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.dialog.testing.LocalChatServer;
import io.switchboard.models.Intent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The real langchain4j Anthropic client against a loopback server speaking the messages API. */
class AnthropicLlmFallbackTest {

    private final LlmContext context = LlmTestContexts.bristolPlumbing(null);

    @Test
    void aValidReplyIsInterpretedAndTheRequestCarriesPromptTextAndModel() throws Exception {
        try (LocalChatServer server = new LocalChatServer(LocalChatServer.Api.ANTHROPIC)) {
            server.replyWith("{\"intent\":\"emergency\",\"problem\":\"water pouring through the ceiling\","
                    + "\"service_id\":\"emergency-callout\",\"date\":\"2025-03-10\",\"emergency\":true}");
            LlmFallback fallback = LlmFallbacks.create(new LlmConfig(LlmProvider.ANTHROPIC, "anthropic-test-key",
                    server.baseUrl() + "/", "claude-test", Duration.ofSeconds(5)));

            LlmInterpretation i = fallback.interpret("water pouring thru the ceiling help", context).orElseThrow();

            assertThat(i.intent()).isEqualTo(Intent.EMERGENCY);
            assertThat(i.emergency()).isTrue();
            assertThat(i.serviceId()).contains("emergency-callout");
            assertThat(i.problem()).contains("water pouring through the ceiling");
            assertThat(i.date()).contains(LocalDate.of(2025, 3, 10));

            assertThat(server.received()).hasSize(1);
            LocalChatServer.Received request = server.received().getFirst();
            assertThat(request.path()).isEqualTo("/v1/messages");
            assertThat(request.header("x-api-key")).isEqualTo("anthropic-test-key");
            JsonNode body = request.body();
            assertThat(body.path("model").asText()).isEqualTo("claude-test");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(LlmFallbacks.MAX_REPLY_TOKENS);
            assertThat(body.path("system").toString()).contains(LlmPrompt.OPENING, "last asked for: nothing yet");
            assertThat(body.path("messages").toString()).contains("water pouring thru the ceiling help");
        }
    }

    @Test
    void aServerErrorGivesNothing() throws Exception {
        try (LocalChatServer server = new LocalChatServer(LocalChatServer.Api.ANTHROPIC)) {
            server.failWith(529);
            LlmFallback fallback = LlmFallbacks.create(new LlmConfig(LlmProvider.ANTHROPIC, "k",
                    server.baseUrl() + "/", "claude-test", Duration.ofSeconds(5)));

            assertThat(fallback.interpret("hello?", context)).isEmpty();
            assertThat(server.received()).hasSize(1);
        }
    }
}

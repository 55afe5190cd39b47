package io.switchboard.dialog.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.switchboard.dialog.metrics.DependencyErrors;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * The fallback backed by a langchain4j {@link ChatModel}: one system prompt, the caller's message, one reply,
 * which {@link LlmOutputParser} validates. Any failure (timeout, HTTP error, garbage) gives an empty result
 * and one log line that names the failure but never the caller's text.
 */
public final class ChatModelLlmFallback implements LlmFallback {

    /** Longer messages are cut: nothing a caller says in one turn needs more, and tokens cost money. */
    public static final int MAX_USER_TEXT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ChatModelLlmFallback.class);

    private final ChatModel model;
    private final String label;
    private final LlmOutputParser parser;
    private final DependencyErrors errors;

    /**
     * @param model the configured chat model, with its timeout and retries already set
     * @param label names the provider/model in log lines ({@code "openai/gpt-4o-mini"})
     */
    public ChatModelLlmFallback(ChatModel model, String label) {
        this(model, label, new LlmOutputParser());
    }

    public ChatModelLlmFallback(ChatModel model, String label, LlmOutputParser parser) {
        this(model, label, parser, Metrics.disabled().errors());
    }

    /** @param errors counts each failed or timed-out call as an {@code llm} dependency error */
    public ChatModelLlmFallback(ChatModel model, String label, LlmOutputParser parser, DependencyErrors errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.model = Objects.requireNonNull(model, "model");
        this.label = Objects.requireNonNull(label, "label");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public Optional<LlmInterpretation> interpret(String userText, LlmContext context) {
        Objects.requireNonNull(context, "context");
        Optional<String> text = UntrustedText.clean(userText, MAX_USER_TEXT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(LlmPrompt.system(context)), UserMessage.from(text.get()))
                .build();
        String reply;
        long started = System.nanoTime();
        try {
            ChatResponse response = model.chat(request);
            AiMessage message = response == null ? null : response.aiMessage();
            reply = message == null ? null : message.text();
        } catch (RuntimeException e) {
            errors.record(DependencyKind.LLM);
            LOG.warn("LLM fallback {} failed after {} ms: {}; asking the caller to rephrase", label,
                    (System.nanoTime() - started) / 1_000_000, describe(e));
            return Optional.empty();
        }
        Optional<LlmInterpretation> result = parser.parse(reply, context);
        LOG.debug("LLM fallback {} answered in {} ms, usable: {}", label,
                (System.nanoTime() - started) / 1_000_000, result.isPresent());
        return result;
    }

    /**
     * Exception type and HTTP status only: messages can quote the request or the provider's reply,
     * and with them the caller's words.
     */
    private static String describe(RuntimeException e) {
        StringBuilder d = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                d.append(" (HTTP ").append(http.statusCode()).append(')');
                break;
            }
            if (t != e && t.getCause() == null) {
                d.append(" caused by ").append(t.getClass().getSimpleName());
            }
        }
        return d.toString();
    }
}

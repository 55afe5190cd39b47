/**
 * The LLM fallback: when the rule-based understanding cannot classify or extract a turn, a chat model
 * (OpenAI-compatible or Anthropic, through langchain4j) is asked for a structured interpretation, which is
 * validated like any untrusted input. The model never books anything; it only says what the caller meant.
 */
package io.switchboard.dialog.llm;

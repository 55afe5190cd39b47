/**
 * Rule-based language understanding: turns one turn of caller text (speech-to-text output or a typed message)
 * into an intent and slots. Everything here is deterministic and allocation-light; the LLM fallback elsewhere is
 * consulted only when {@link io.switchboard.dialog.understanding.Understanding#confident()} is false.
 *
 * <p>Entry point: {@link io.switchboard.dialog.understanding.LanguageUnderstanding}. Phone numbers are parsed with
 * libphonenumber; dates, times, names, addresses, email addresses, services, intents and choices are parsed by our
 * own rules in this package. Extractors can also report the {@link io.switchboard.dialog.understanding.Span} of
 * normalized text each reading used, so competing readings of the same words can be weighed against each other.
 */
package io.switchboard.dialog.understanding;

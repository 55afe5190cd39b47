package io.switchboard.dialog.understanding;

import io.switchboard.models.Intent;

import java.util.Objects;

/**
 * What the rules made of a turn's intent.
 *
 * @param intent     the intent, {@link Intent#UNKNOWN} when no rule applied
 * @param confidence 0..1, how sure the rule that fired is
 * @param confident  whether that is sure enough to act on without the LLM fallback
 */
public record IntentResult(Intent intent, double confidence, boolean confident) {

    public IntentResult {
        Objects.requireNonNull(intent, "intent");
    }

    static IntentResult of(Intent intent, double confidence) {
        return new IntentResult(intent, confidence, intent != Intent.UNKNOWN && confidence >= IntentClassifier.CONFIDENT);
    }

    static IntentResult unknown() {
        return new IntentResult(Intent.UNKNOWN, 0, false);
    }
}

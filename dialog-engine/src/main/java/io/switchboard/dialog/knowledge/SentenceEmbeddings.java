package io.switchboard.dialog.knowledge;

import java.util.Optional;

/**
 * Turns a sentence into a unit vector whose dot product with another sentence's is their similarity of meaning.
 * Blocking CPU work (a few milliseconds): never on an event loop.
 */
public interface SentenceEmbeddings {

    /** The sentence's unit vector, or empty when the model is off or could not be loaded. */
    Optional<float[]> embed(String sentence);

    /** False when no model will ever answer: callers skip the layer altogether. */
    boolean enabled();

    /** No model: every question goes from the rules straight to the LLM (or to "please rephrase"). */
    SentenceEmbeddings OFF = new SentenceEmbeddings() {
        @Override
        public Optional<float[]> embed(String sentence) {
            return Optional.empty();
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}

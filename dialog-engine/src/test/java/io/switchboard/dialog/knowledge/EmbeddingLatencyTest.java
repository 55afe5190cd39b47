package io.switchboard.dialog.knowledge;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what the README quotes: the model's load time (once per process) and the time one turn takes to embed.
 * The bound is loose (a shared CI machine); the numbers are printed for the report.
 */
class EmbeddingLatencyTest {

    @Test
    void aTurnEmbedsInMillisecondsOnceTheModelIsLoaded() {
        OnBoxEmbeddings model = OnBoxEmbeddings.shared();
        long start = System.nanoTime();
        model.warmUp();
        long firstUseMs = (System.nanoTime() - start) / 1_000_000;
        List<String> turns = List.of("how much do you charge to come out", "do you fix cars?",
                "my kitchen sink is blocked and won't drain, can someone come tomorrow morning?",
                "what time do you finish for the day", "boiler repair please");
        for (int i = 0; i < 20; i++) {
            model.embed(turns.get(i % turns.size()) + " " + i); // warm the JIT
        }
        int n = 200;
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertThat(model.embed(turns.get(i % turns.size()) + " " + i)).isPresent();
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        long p50 = micros[n / 2];
        long p95 = micros[n * 95 / 100];
        System.out.printf("on-box embeddings: load %d ms (this call %d ms), per turn p50 %.2f ms, p95 %.2f ms%n",
                model.loadTime().orElseThrow().toMillis(), firstUseMs, p50 / 1000.0, p95 / 1000.0);
        assertThat(p50).as("median microseconds per turn").isLessThan(50_000);
    }
}

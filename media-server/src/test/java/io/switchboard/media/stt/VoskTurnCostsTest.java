package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Measures what a turn costs Vosk on the critical path, not a pass/fail test: per 20 ms frame fed, a partial result
 * (what turn-taking reads every few quiet frames), and the final result with 5, 1 and no alternatives (the n-best
 * list is lattice work; with none Vosk runs MBR decoding instead). Run with
 * {@code -Dstt.costs.audio=utterance.raw} (16 kHz, 16-bit little-endian mono) and read the printed table.
 */
@EnabledIfSystemProperty(named = "stt.costs.audio", matches = ".+")
class VoskTurnCostsTest {

    private static final int FRAME = 320;
    private static final int ROUNDS = 5;

    @Test
    void printsTheCostOfEachPieceOfATurn() throws IOException {
        short[] pcm = read(Path.of(System.getProperty("stt.costs.audio")));
        VoskSpeechRecognizer.start(SharedVosk.model(), SharedVosk.CACHE_ROOT, 1).close(); // loads the native library
        try (Model model = new Model(SharedVosk.model().toString())) {
            for (int alternatives : new int[] {5, 1, 0}) {
                long[] feed = new long[ROUNDS];
                long[] partial = new long[ROUNDS];
                long[] fin = new long[ROUNDS];
                String text = "";
                try (Recognizer r = new Recognizer(model, VoskSpeechRecognizer.SAMPLE_RATE)) {
                    r.setMaxAlternatives(alternatives);
                    for (int round = 0; round < ROUNDS; round++) {
                        short[] frame = new short[FRAME];
                        int frames = 0;
                        long partialNanos = 0;
                        int partials = 0;
                        long start = System.nanoTime();
                        for (int off = 0; off + FRAME <= pcm.length; off += FRAME) {
                            System.arraycopy(pcm, off, frame, 0, FRAME);
                            r.acceptWaveForm(frame, FRAME);
                            frames++;
                            if (frames % 3 == 0) {
                                long p = System.nanoTime();
                                r.getPartialResult();
                                partialNanos += System.nanoTime() - p;
                                partials++;
                            }
                        }
                        feed[round] = (System.nanoTime() - start - partialNanos) / frames;
                        partial[round] = partialNanos / partials;
                        long f = System.nanoTime();
                        text = r.getFinalResult();
                        fin[round] = System.nanoTime() - f;
                        r.reset();
                    }
                }
                System.out.printf(Locale.ROOT, "[stt-costs] alternatives=%d: feed %.2f ms/frame, partial %.2f ms,"
                                + " final %.1f ms (medians of %d over %.1f s of audio); %s%n", alternatives,
                        median(feed) / 1e6, median(partial) / 1e6, median(fin) / 1e6, ROUNDS,
                        pcm.length / 16000.0, text.replaceAll("\\s+", " "));
                assertThat(text).isNotBlank();
            }
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static short[] read(Path raw) throws IOException {
        byte[] bytes = Files.readAllBytes(raw);
        short[] pcm = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }
}

package io.switchboard.media.stt;

import io.switchboard.media.simulator.SharedSpeech;
import io.switchboard.media.tts.SynthesizedSpeech;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecognizerWarmUpTest {

    @Test
    void everyPooledRecogniserHearsTheWholeUtteranceOnceAndGoesBackToThePool() {
        CountingEngine engine = new CountingEngine();
        short[] speech = new short[16_000 + 100]; // one second and a piece of a chunk

        RecognizerWarmUp.run(engine, 3, speech);

        assertThat(engine.streams).hasSize(3);
        assertThat(engine.mostOpenAtOnce).as("opened side by side, so the pool hands out each of its recognisers")
                .isEqualTo(3);
        for (CountingStream s : engine.streams) {
            assertThat(s.samples).isEqualTo(speech.length);
            assertThat(s.finals).isEqualTo(1);
            assertThat(s.closed).isTrue();
        }
    }

    @Test
    void streamsAreReturnedEvenWhenTheEngineFails() {
        CountingEngine engine = new CountingEngine();
        engine.failOnOpen = 2;

        assertThatThrownBy(() -> RecognizerWarmUp.run(engine, 3, new short[640]))
                .isInstanceOf(SpeechEngineException.class);
        assertThat(engine.streams).hasSize(1).allMatch(s -> s.closed);
        assertThatThrownBy(() -> RecognizerWarmUp.run(engine, 0, new short[640]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * On real Vosk: a fresh recogniser's first utterance against its second (the measured reason for the warm-up),
     * and the warm-up leaves the pool whole and hears the sentence.
     */
    @Test
    void aWarmedRecogniserHearsTheSentenceAndThePoolStaysWhole() {
        short[] speech = SynthesizedSpeech.at16k(SharedSpeech.mary(),
                "I'd like to book a repair tomorrow at two, my name is Sarah Jones");
        try (VoskSpeechRecognizer engine = VoskSpeechRecognizer.start(SharedVosk.model(), SharedVosk.CACHE_ROOT, 1)) {
            long cold = System.nanoTime();
            RecognizerWarmUp.run(engine, 1, speech);
            cold = System.nanoTime() - cold;
            long warm = System.nanoTime();
            String heard = RecognizerWarmUp.run(engine, 1, speech);
            warm = System.nanoTime() - warm;
            System.out.printf("[warm-up] first utterance of a recogniser %d ms, the next %d ms (%.1f s of speech)%n",
                    cold / 1_000_000, warm / 1_000_000, speech.length / 16_000.0);

            assertThat(heard).contains("tomorrow").contains("sarah jones");
            assertThat(engine.idleRecognizers()).isEqualTo(1);
        }
    }

    private static final class CountingEngine implements SpeechRecognizer {
        final List<CountingStream> streams = new ArrayList<>();
        int open;
        int mostOpenAtOnce;
        int failOnOpen = -1;

        @Override
        public int sampleRate() {
            return 16_000;
        }

        @Override
        public RecognitionStream openStream() {
            if (streams.size() + 1 == failOnOpen) {
                throw new SpeechEngineException("no recogniser");
            }
            CountingStream s = new CountingStream(this);
            streams.add(s);
            open++;
            mostOpenAtOnce = Math.max(mostOpenAtOnce, open);
            return s;
        }

        @Override
        public void close() {
        }
    }

    private static final class CountingStream implements RecognitionStream {
        private final CountingEngine engine;
        int samples;
        int partials;
        int finals;
        boolean closed;

        CountingStream(CountingEngine engine) {
            this.engine = engine;
        }

        @Override
        public void accept(short[] pcm16k, int len) {
            samples += len;
        }

        @Override
        public String partial() {
            partials++;
            return "";
        }

        @Override
        public String finalResult() {
            finals++;
            return "";
        }

        @Override
        public void reset() {
        }

        @Override
        public void setPhraseHints(List<String> phrases) {
        }

        @Override
        public void close() {
            closed = true;
            engine.open--;
        }
    }
}

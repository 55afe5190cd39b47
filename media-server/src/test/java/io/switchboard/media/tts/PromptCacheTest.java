package io.switchboard.media.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Prompts synthesised at start-up: side by side on the threads given, each once, the same audio as one by one. */
class PromptCacheTest {

    /** One frame per character, filled with the text's length; waits at the latch so a test can see overlap. */
    private static final class MeetingVoice implements SpeechSynthesizer {
        private final CountDownLatch together;

        MeetingVoice(int meet) {
            this.together = new CountDownLatch(meet);
        }

        @Override
        public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled) {
            together.countDown();
            try {
                // Only two syntheses running at once get past here quickly; one at a time would wait out the timeout.
                together.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (text.equals("Broken.")) {
                throw new SpeechSynthesisException("this voice cannot say that", null);
            }
            byte[] frame = new byte[AudioSink.FRAME_BYTES];
            java.util.Arrays.fill(frame, (byte) text.length());
            for (int i = 0; i < text.length(); i++) {
                sink.accept(frame, 0, frame.length);
            }
            return new SynthesisResult(text.length(), false, 0, 0);
        }

        boolean met() {
            return together.getCount() == 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void missingPromptsAreSynthesisedSideBySideAndKeepTheirAudio() {
        MeetingVoice voice = new MeetingVoice(2);
        long started = System.nanoTime();
        PromptCache cache = PromptCache.preload(voice, List.of("Hello.", "Is that right?", "Hello.", "  Goodbye. "),
                PromptStore.NONE, 2);

        assertThat(voice.met()).as("two prompts were in synthesis at once").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(5);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("Is that right?").orElseThrow().frames()).isEqualTo("Is that right?".length());
        assertThat(cache.find("Goodbye.").orElseThrow().muLaw()).containsOnly((byte) "Goodbye.".length());
    }

    @Test
    void aPromptTheVoiceCannotSayFailsTheStartWithItsOwnError() {
        assertThatThrownBy(() -> PromptCache.preload(new MeetingVoice(1), List.of("Hello.", "Broken.", "Goodbye."),
                PromptStore.NONE, 2))
                .isInstanceOf(SpeechSynthesisException.class).hasMessageContaining("cannot say that");
    }
}

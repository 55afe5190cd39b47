package io.switchboard.media.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompts kept between starts: read back instead of synthesised, never across voices, never fatal. */
class PromptStoreTest {

    @TempDir
    Path dir;

    /** Says each text as one frame per character, filled with {@code level}; counts what it was asked. */
    private static final class CountingVoice implements SpeechSynthesizer {
        final List<String> said = new ArrayList<>();
        private final byte level;

        CountingVoice(int level) {
            this.level = (byte) level;
        }

        @Override
        public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled) {
            said.add(text);
            byte[] frame = new byte[AudioSink.FRAME_BYTES];
            java.util.Arrays.fill(frame, level);
            for (int i = 0; i < text.length(); i++) {
                sink.accept(frame, 0, frame.length);
            }
            return new SynthesisResult(text.length(), false, 0, 0);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSecondStartReadsThePromptsTheFirstSynthesised() {
        CountingVoice first = new CountingVoice(1);
        PromptCache before = PromptCache.preload(first, List.of("Hello.", "Is that right?"), PromptStore.in(dir, first));
        assertThat(first.said).contains("Hello.", "Is that right?");

        CountingVoice second = new CountingVoice(1);
        PromptCache after = PromptCache.preload(second, List.of("Hello.", "Is that right?"),
                PromptStore.in(dir, second));

        assertThat(second.said).as("only the voice's fingerprint is synthesised").hasSize(1)
                .doesNotContain("Hello.", "Is that right?");
        assertThat(after.find("Hello.").orElseThrow().muLaw()).isEqualTo(before.find("Hello.").orElseThrow().muLaw());
        assertThat(after.find("Is that right?").orElseThrow().frames()).isEqualTo("Is that right?".length());
    }

    @Test
    void anotherVoiceNeverPlaysThePromptsOfTheFirst() {
        CountingVoice first = new CountingVoice(1);
        PromptCache.preload(first, List.of("Hello."), PromptStore.in(dir, first));

        CountingVoice other = new CountingVoice(2); // sounds different, so its fingerprint differs
        PromptCache theirs = PromptCache.preload(other, List.of("Hello."), PromptStore.in(dir, other));

        assertThat(other.said).contains("Hello.");
        assertThat(theirs.find("Hello.").orElseThrow().muLaw()[0]).isEqualTo((byte) 2);
    }

    @Test
    void aStoreThatCannotBeWrittenOnlyCostsTheSynthesis() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        CountingVoice voice = new CountingVoice(1);

        PromptCache cache = PromptCache.preload(voice, List.of("Hello."), PromptStore.in(notADirectory, voice));

        assertThat(cache.find("Hello.")).isPresent();
        assertThat(voice.said).contains("Hello.");
    }

    @Test
    void aTruncatedFileIsSynthesisedAgain() throws IOException {
        CountingVoice voice = new CountingVoice(1);
        PromptCache.preload(voice, List.of("Hello."), PromptStore.in(dir, voice));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[7]); // not whole frames: a write cut short
            }
        }
        CountingVoice again = new CountingVoice(1);

        PromptCache cache = PromptCache.preload(again, List.of("Hello."), PromptStore.in(dir, again));

        assertThat(again.said).contains("Hello.");
        assertThat(cache.find("Hello.").orElseThrow().frames()).isEqualTo("Hello.".length());
    }
}

package io.switchboard.media.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedCallerVoiceTest {

    /** A voice that records what it was asked to render and "speaks" a ramp whose length depends on the text. */
    private static final class CountingVoice implements CallerVoice {
        private final String id;
        private final List<String> renders = new ArrayList<>();

        CountingVoice(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public short[] render(String text, int sampleRate) {
            renders.add(text + "@" + sampleRate);
            short[] samples = new short[text.length() * 10 + sampleRate / 1000];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (i * 37 - 3000);
            }
            return samples;
        }
    }

    @Test
    void aLineIsRenderedOnceAndReadBackFromDiskAfterwardsEvenByAnotherInstance(@TempDir Path dir) {
        CountingVoice voice = new CountingVoice("fake:a");
        short[] first = new CachedCallerVoice(voice, dir).render("tomorrow morning", 8000);
        short[] again = new CachedCallerVoice(voice, dir).render("tomorrow morning", 8000);

        assertThat(voice.renders).containsExactly("tomorrow morning@8000");
        assertThat(again).isEqualTo(first).isEqualTo(voice.render("tomorrow morning", 8000));
    }

    @Test
    void textRateAndVoiceEachKeyTheirOwnEntry(@TempDir Path dir) throws Exception {
        CountingVoice a = new CountingVoice("fake:a");
        CountingVoice b = new CountingVoice("fake:b");
        new CachedCallerVoice(a, dir).render("yes", 8000);
        new CachedCallerVoice(a, dir).render("no", 8000);
        new CachedCallerVoice(a, dir).render("yes", 16000);
        new CachedCallerVoice(b, dir).render("yes", 8000);

        assertThat(a.renders).containsExactly("yes@8000", "no@8000", "yes@16000");
        assertThat(b.renders).containsExactly("yes@8000");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(4)
                    .allMatch(name -> name.endsWith(".pcm"), "whole files only, no partial renders left behind");
        }
    }

    @Test
    void anUtteranceIsMuLawPaddedToWhole20msFrames(@TempDir Path dir) {
        CallerVoice voice = new CachedCallerVoice(new CountingVoice("fake:a"), dir);

        CallerUtterance line = voice.utterance("hello there, how are you doing"); // 308 samples

        assertThat(line.muLaw()).hasSize(2 * CallerUtterance.FRAME_BYTES);
        assertThat(line.text()).isEqualTo("hello there, how are you doing");
        assertThat(voice.id()).isEqualTo("fake:a");
    }
}

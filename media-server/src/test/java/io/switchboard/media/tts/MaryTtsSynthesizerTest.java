package io.switchboard.media.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.codec.MuLaw;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import marytts.datatypes.MaryData;
import marytts.datatypes.MaryDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaryTtsSynthesizerTest {

    private static final String REPLY = "Your appointment is booked for tomorrow at nine.";
    private static MaryTtsSynthesizer mary;

    @BeforeAll
    static void startOnce() {
        long started = System.nanoTime();
        mary = MaryTtsSynthesizer.start();
        System.out.printf("[measure] marytts start + warm-up %.0f ms%n", (System.nanoTime() - started) / 1e6);
    }

    @Test
    void shortSentenceBecomesAudibleTelephoneFramesOfPlausibleLength() {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        AtomicInteger oddFrames = new AtomicInteger();
        SynthesisResult result = mary.synthesize(REPLY, (frame, offset, length) -> {
            if (length != AudioSink.FRAME_BYTES) {
                oddFrames.incrementAndGet();
            }
            audio.write(frame, offset, length);
        }, () -> false);

        assertThat(oddFrames).hasValue(0);
        assertThat(result.cancelled()).isFalse();
        assertThat(audio.size()).isEqualTo(result.frames() * AudioSink.FRAME_BYTES);
        // Eight words at a conversational pace.
        assertThat(result.audioMillis()).isBetween(1500L, 5000L);
        assertThat(rmsDbfs(audio.toByteArray())).isGreaterThan(-30);
        assertThat(result.firstFrameNanos()).isGreaterThanOrEqualTo(result.startedNanos());
    }

    @Test
    void aStreamPausedPartWayGoesOnWhereItStoppedWithTheSameAudioAsOneSynthesis() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        mary.synthesize(REPLY, (frame, offset, length) -> whole.write(frame, offset, length), () -> false);

        ByteArrayOutputStream held = new ByteArrayOutputStream();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        boolean more;
        boolean after;
        try (SpeechStream stream = mary.open(REPLY, () -> false)) {
            more = stream.deliver((frame, offset, length) -> held.write(frame, offset, length),
                    () -> held.size() >= 10 * AudioSink.FRAME_BYTES);
            after = stream.deliver((frame, offset, length) -> rest.write(frame, offset, length), () -> false);
            assertThat(stream.frames() * AudioSink.FRAME_BYTES).isEqualTo(held.size() + rest.size());
        }

        assertThat(more).as("paused before the end").isTrue();
        assertThat(after).as("then read to the end").isFalse();
        assertThat(held.size()).isEqualTo(10 * AudioSink.FRAME_BYTES);
        byte[] joined = Arrays.copyOf(held.toByteArray(), held.size() + rest.size());
        System.arraycopy(rest.toByteArray(), 0, joined, held.size(), rest.size());
        assertThat(joined).as("nothing lost or repeated at the pause").isEqualTo(whole.toByteArray());
    }

    @Test
    void cancellationStopsDeliveryWithinAFrame() {
        AtomicInteger delivered = new AtomicInteger();
        SynthesisResult result = mary.synthesize("Thanks for calling Bristol Plumbing. We can send an engineer tomorrow"
                        + " morning between eight and ten, or in the afternoon after two.",
                (frame, offset, length) -> delivered.incrementAndGet(), () -> delivered.get() >= 10);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.frames()).isEqualTo(10);
        assertThat(delivered).hasValue(10);
    }

    /**
     * The build pins a current Guava although MaryTTS 5.2.1 was built against 14: English preprocessing calls
     * {@code Joiner} and {@code Lists.charactersOf} (still in Guava), and {@code MaryData.toString()} calls
     * {@code Objects.toStringHelper} (removed in Guava 21), which must stay off the synthesis path. Text with numbers,
     * a time, a postcode and a question runs the whole English pipeline (tokeniser, preprocessing, POS tagger,
     * prosody, HSMM vocoder).
     */
    @Test
    void synthesisesWithTheCurrentGuavaThatNoLongerHasMarysToStringHelper() {
        assertThat(Arrays.stream(com.google.common.base.Objects.class.getMethods()).map(m -> m.getName()))
                .as("the Guava on the classpath is the pinned current one")
                .doesNotContain("toStringHelper");
        assertThatThrownBy(() -> new MaryData(MaryDataType.TEXT, Locale.US).toString())
                .as("the one call that would break")
                .isInstanceOf(NoSuchMethodError.class);

        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        SynthesisResult result = mary.synthesize("Dr. Smith's 2 engineers can be at 14 Park Street, BS1 5TR, "
                + "on Tuesday the 3rd at 10:30 a.m. Would that suit you?", (frame, offset, length) ->
                audio.write(frame, offset, length), () -> false);

        assertThat(result.cancelled()).isFalse();
        assertThat(result.audioMillis()).isBetween(4000L, 15000L);
        assertThat(rmsDbfs(audio.toByteArray())).isGreaterThan(-30);
    }

    @Test
    void blankTextDeliversNothing() {
        SynthesisResult result = mary.synthesize("  ", (frame, offset, length) -> {
            throw new AssertionError("no audio expected");
        }, () -> false);
        assertThat(result.frames()).isZero();
        assertThat(result.firstFrameMillis()).isEqualTo(-1);
    }

    @Test
    void cachedPromptMatchesAFreshSynthesisAndPlaysFromMemory() {
        String greeting = "Hello, you're through to Bristol Plumbing. How can I help?";
        PromptCache cache = PromptCache.preload(mary, List.of(greeting, "Is that right?", greeting));

        assertThat(cache.size()).isEqualTo(2);
        CachedPrompt cached = cache.find("  Hello, you're through to   Bristol Plumbing. How can I help? ").orElseThrow();
        SynthesisResult fresh = mary.synthesize(greeting, (frame, offset, length) -> { }, () -> false);
        assertThat(cached.frames()).isEqualTo(fresh.frames()).isPositive();
        assertThat(rmsDbfs(cached.muLaw())).isGreaterThan(-30);

        ByteArrayOutputStream played = new ByteArrayOutputStream();
        SynthesisResult replay = cached.play(played::write, () -> false);
        assertThat(played.toByteArray()).isEqualTo(cached.muLaw());
        assertThat(replay.frames()).isEqualTo(cached.frames());

        AtomicInteger count = new AtomicInteger();
        assertThat(cached.play((f, o, l) -> count.incrementAndGet(), () -> count.get() == 3).frames()).isEqualTo(3);
        assertThat(cache.find("Goodbye.")).isEmpty();
    }

    @Test
    void measuresWarmTimeToFirstAudio() {
        String[] replies = {"Yes.", "What time suits you?", REPLY,
                "Sorry, I didn't catch that. Could you say the date again?"};
        StringBuilder report = new StringBuilder("[measure] marytts warm first frame / total / audio:");
        for (String reply : replies) {
            long started = System.nanoTime();
            SynthesisResult result = mary.synthesize(reply, (frame, offset, length) -> { }, () -> false);
            report.append(String.format(" [%d chars: %.0f / %.0f ms / %d ms]", reply.length(),
                    result.firstFrameMillis(), (System.nanoTime() - started) / 1e6, result.audioMillis()));
            assertThat(result.frames()).isPositive();
        }
        System.out.println(report);
    }

    private static double rmsDbfs(byte[] muLaw) {
        short[] pcm = new short[muLaw.length];
        MuLaw.decode(muLaw, 0, muLaw.length, pcm, 0);
        double sum = 0;
        for (short v : pcm) {
            sum += (double) v * v;
        }
        return 10 * Math.log10(sum / pcm.length / (32768.0 * 32768.0));
    }
}

package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.media.audio.StreamingResampler;
import io.switchboard.media.audio.TestSpeech;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Vosk model: its n-best list, the grammar pass over the buffered turn, and the transcriber's wiring. */
class RecognitionPassesTest {

    private static final List<String> SERVICES = List.of("drain cleaning", "boiler service", "general repair",
            "blocked toilet");

    @TempDir
    Path dir;

    @Test
    void theOpenPassReturnsRankedHypothesesAndTakesTheFirstWhenAnythingFits() {
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            Recognition r = decode(stream, "my kitchen sink is leaking", ListeningFor.ANYTHING);

            assertThat(r.pass()).isEqualTo(Recognition.Pass.OPEN);
            assertThat(r.alternatives()).hasSizeGreaterThan(1);
            assertThat(r.text()).isEqualTo(r.alternatives().get(0).text()).contains("kitchen");
            assertThat(r.alternatives()).extracting(Recognition.Alternative::score)
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(r.certainty()).isEqualTo(r.alternatives().get(0).score() - r.alternatives().get(1).score());
        }
    }

    @Test
    void theBestHypothesisThatFitsTheExpectationWinsOverTheFirst() {
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            Recognition open = decode(stream, "my kitchen sink is leaking", ListeningFor.ANYTHING);
            String first = open.alternatives().get(0).text();
            String second = open.alternatives().stream().map(Recognition.Alternative::text)
                    .filter(t -> !t.equals(first)).findFirst().orElseThrow();
            ListeningFor notTheFirst = new ListeningFor("TEST", t -> !t.equals(first), List.of(), false);

            Recognition r = decode(stream, "my kitchen sink is leaking", notTheFirst);

            assertThat(r.pass()).isEqualTo(Recognition.Pass.OPEN_ALTERNATIVE);
            assertThat(r.text()).isEqualTo(second);
        }
    }

    @Test
    void aServiceTheOpenPassMishearsIsRecoveredByTheGrammarPass() {
        ListeningFor service = new ListeningFor("SERVICE", t -> SERVICES.stream().anyMatch(t::contains), SERVICES,
                false);
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            Recognition open = decode(stream, "drain cleaning", ListeningFor.ANYTHING);
            long first = System.nanoTime();
            decode(stream, "drain cleaning", service);
            long second = System.nanoTime();
            Recognition r = decode(stream, "drain cleaning", service);
            long done = System.nanoTime();
            System.out.printf("[measure] grammar turn %.0f ms with a new grammar, %.0f ms with a kept recogniser%n",
                    (second - first) / 1e6, (done - second) / 1e6);

            System.out.printf("[measure] open pass heard %s; grammar pass '%s' (lowest word confidence %.2f)%n",
                    open.texts(), r.text(), r.certainty());
            // the open pass hears "dream"/"rain" for "drain": no hypothesis names a service
            assertThat(open.texts()).noneMatch(t -> t.contains("drain cleaning"));
            assertThat(r.pass()).isEqualTo(Recognition.Pass.GRAMMAR);
            assertThat(r.text()).isEqualTo("drain cleaning");
            assertThat(r.certainty()).isGreaterThanOrEqualTo(GrammarPass.MIN_WORD_CONFIDENCE);
            assertThat(r.alternatives()).isEqualTo(open.alternatives());
            assertThat(SharedVosk.engine().grammarRecognizers().grammarsKept()).isPositive();
        }
    }

    @Test
    void anAnswerWhoseMishearingsFitAsWellIsDecodedUnderItsGrammarFirst() {
        // the open pass's "rain cleaning" fits a check that accepts anything; grammar-first still decodes again
        ListeningFor grammarFirst = new ListeningFor("SERVICE", t -> true, SERVICES, false, true);
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            Recognition open = decode(stream, "drain cleaning", ListeningFor.ANYTHING);
            Recognition r = decode(stream, "drain cleaning", grammarFirst);

            assertThat(open.text()).isNotEqualTo("drain cleaning");
            assertThat(grammarFirst.fits()).accepts(open.text());
            assertThat(r.pass()).isEqualTo(Recognition.Pass.GRAMMAR);
            assertThat(r.text()).isEqualTo("drain cleaning");
        }
    }

    @Test
    void aGrammarFirstPassStartedAtTheQuestionHearsTheTurnAsItArrivesAndLeavesNoDecodingForItsEnd() {
        ListeningFor grammarFirst = new ListeningFor("SERVICE", t -> true, SERVICES, false, true);
        GrammarPass pass = SharedVosk.engine().grammarPass();
        short[] said = upsampled(TestSpeech.padded(TestSpeech.narrowband("drain cleaning"), 300, 300));
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            long before = pass.wholeTurnDecodes();
            long start = System.nanoTime();
            Recognition after = decode(stream, "drain cleaning", grammarFirst);
            long batch = System.nanoTime() - start;
            assertThat(pass.wholeTurnDecodes()).isEqualTo(before + 1);

            stream.expect(grammarFirst, false); // the question is asked: the pass starts before the caller speaks
            feed(stream, said);
            long end = System.nanoTime();
            Recognition alongside = stream.finish(grammarFirst);
            long finishing = System.nanoTime() - end;
            System.out.printf("[measure] grammar-first turn: %.0f ms fed then decoded again, %.0f ms to finish when"
                    + " decoded alongside%n", batch / 1e6, finishing / 1e6);

            assertThat(pass.wholeTurnDecodes()).as("no second decoding after the turn").isEqualTo(before + 1);
            assertThat(alongside.pass()).isEqualTo(Recognition.Pass.GRAMMAR);
            assertThat(alongside.text()).isEqualTo(after.text()).isEqualTo("drain cleaning");

            // the same question again (no new expectation): the pass goes on for the next turn, started clean
            Recognition again = decode(stream, "drain cleaning", grammarFirst);
            assertThat(again.text()).isEqualTo("drain cleaning");
            assertThat(pass.wholeTurnDecodes()).isEqualTo(before + 1);
        }
    }

    @Test
    void theGrammarAlongsideHearsExactlyWhatTheWholeTurnDecodedAgainHears() {
        // Vosk cuts utterances only between the pieces it is given: alongside must hand over the same pieces. These
        // espeak sentences come out the same even in 20 ms pieces; the spoken corpus's slow MaryTTS voice is where
        // those differed (its SpokenCorpusOnSimulatedTimeTest calls are the check that tells the two apart).
        List<String> phrases = new ArrayList<>(SERVICES);
        phrases.addAll(List.of("tap", "toilet", "please", "thanks"));
        ListeningFor service = new ListeningFor("SERVICE", t -> true, phrases, false, false, true);
        GrammarPass pass = SharedVosk.engine().grammarPass();
        for (String said : List.of("the kitchen tap is dripping", "my toilet is blocked", "a drain cleaning please")) {
            short[] turn = upsampled(TestSpeech.padded(TestSpeech.narrowband(said), 300, 600));
            Optional<VoskResults.Scored> again = pass.decode(turn, turn.length, service);
            try (GrammarPass.Live live = pass.live(service).orElseThrow()) {
                short[] frame = new short[320];
                for (int off = 0; off < turn.length; off += 320) {
                    int n = Math.min(320, turn.length - off);
                    System.arraycopy(turn, off, frame, 0, n);
                    live.accept(frame, n);
                }
                assertThat(live.finish()).as(said).isEqualTo(again);
            }
        }
    }

    @Test
    void aPassStartedWhileTheCallerIsAlreadyTalkingCatchesUpOnTheTurnSoFar() {
        ListeningFor grammarFirst = new ListeningFor("SERVICE", t -> true, SERVICES, false, true);
        short[] said = upsampled(TestSpeech.padded(TestSpeech.narrowband("drain cleaning"), 300, 300));
        int half = said.length / 2 / 320 * 320;
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            feed(stream, java.util.Arrays.copyOfRange(said, 0, half));
            stream.expect(grammarFirst, false);
            feed(stream, java.util.Arrays.copyOfRange(said, half, said.length));
            Recognition r = stream.finish(grammarFirst);

            assertThat(r.pass()).isEqualTo(Recognition.Pass.GRAMMAR);
            assertThat(r.text()).isEqualTo("drain cleaning");
        }
    }

    @Test
    void aPassTheTurnMayNotNeedRunsAlongsideOnlyWhileCoresAreSpare() {
        // not grammar-first: the grammar is asked only when the open pass is unsure, as it is of "drain cleaning"
        ListeningFor service = new ListeningFor("SERVICE", t -> SERVICES.stream().anyMatch(t::contains), SERVICES,
                false);
        GrammarPass pass = SharedVosk.engine().grammarPass();
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            stream.expect(service, false); // under load: kept for when it is needed
            long before = pass.wholeTurnDecodes();
            Recognition underLoad = decode(stream, "drain cleaning", service);
            assertThat(pass.wholeTurnDecodes()).isEqualTo(before + 1);

            stream.expect(service, true);
            Recognition spare = decode(stream, "drain cleaning", service);
            assertThat(pass.wholeTurnDecodes()).as("decoded alongside, not again").isEqualTo(before + 1);
            assertThat(spare.pass()).isEqualTo(underLoad.pass()).isEqualTo(Recognition.Pass.GRAMMAR);
            assertThat(spare.text()).isEqualTo(underLoad.text()).isEqualTo("drain cleaning");

            stream.expect(service, false); // the load came back: the pass alongside stops
            decode(stream, "drain cleaning", service);
            assertThat(pass.wholeTurnDecodes()).isEqualTo(before + 2);
        }
    }

    @Test
    void aDroppedTurnLeavesNothingInThePassAlongside() {
        ListeningFor grammarFirst = new ListeningFor("SERVICE", t -> true, SERVICES, false, true);
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            stream.expect(grammarFirst, false);
            feed(stream, upsampled(TestSpeech.padded(TestSpeech.narrowband("general repair"), 300, 300)));
            stream.reset(); // barge-in noise, dropped unheard

            Recognition r = decode(stream, "drain cleaning", grammarFirst);
            assertThat(r.text()).isEqualTo("drain cleaning");
        }
    }

    @Test
    void speechOutsideTheGrammarLeavesTheOpenResultStanding() {
        ListeningFor yesNo = new ListeningFor("YES_NO", t -> t.equals("yes") || t.equals("no"),
                List.of("yes", "no"), false);
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            Recognition r = decode(stream, "my kitchen sink is leaking", yesNo);

            assertThat(r.pass()).isEqualTo(Recognition.Pass.OPEN);
            assertThat(r.text()).contains("kitchen");
        }
    }

    @Test
    void grammarsKeepOnlyPhrasesWhoseWordsTheModelKnows() {
        VoskSpeechRecognizer engine = SharedVosk.engine();
        GrammarPass pass = engine.grammarPass();

        assertThat(pass.grammar(List.of("Yes", "sarah zzqxdonnelly", "no thanks!")))
                .contains("[\"yes\",\"no thanks\",\"[unk]\"]");
        assertThat(pass.grammar(List.of("zzqx"))).isEmpty();
    }

    @Test
    void namesGoToTheTranscriberWithTheWholeBufferedTurn() {
        RecordingTranscriber whisper = new RecordingTranscriber("sarah donnelly");
        ListeningFor name = new ListeningFor("NAME", t -> false, List.of(), true);
        try (VoskSpeechRecognizer engine = VoskSpeechRecognizer.start(SharedVosk.model(), SharedVosk.CACHE_ROOT, 1,
                whisper); RecognitionStream stream = engine.openStream()) {
            short[] wide = upsampled(TestSpeech.padded(TestSpeech.narrowband("my name is sarah donnelly"), 300, 300));
            feed(stream, wide);
            Recognition r = stream.finish(name);

            assertThat(r.pass()).isEqualTo(Recognition.Pass.WHISPER);
            assertThat(r.text()).isEqualTo("sarah donnelly");
            assertThat(r.alternatives()).isNotEmpty();
            assertThat(whisper.received).containsExactly(wide.length);

            // a turn whose hypotheses fit never reaches the transcriber
            feed(stream, wide);
            assertThat(stream.finish(ListeningFor.ANYTHING).pass()).isEqualTo(Recognition.Pass.OPEN);
            assertThat(whisper.received).hasSize(1);
        }
        assertThat(whisper.closed).isTrue();
    }

    @Test
    void aMissingWhisperModelNamesTheSettingAtStartUp() {
        SttSettings settings = new SttSettings(SttEngine.VOSK, dir, 1, dir.resolve("ggml-small.en.bin"));

        assertThatThrownBy(() -> SpeechRecognizers.start(settings))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("SWITCHBOARD_WHISPER_MODEL").hasMessageContaining("not found")
                .hasMessageContaining("ggml-small.en.bin");
    }

    @Test
    void aBadWhisperModelNamesTheSettingAtStartUp() throws IOException {
        byte[] garbage = new byte[32 * 1024];
        new Random(7).nextBytes(garbage);
        Path bad = Files.write(dir.resolve("ggml-bad.bin"), garbage);
        SttSettings settings = new SttSettings(SttEngine.VOSK, dir, 1, bad);

        assertThatThrownBy(() -> SpeechRecognizers.start(settings))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining("SWITCHBOARD_WHISPER_MODEL").hasMessageContaining("not a valid ggml whisper model");
    }

    private static Recognition decode(RecognitionStream stream, String said, ListeningFor expected) {
        feed(stream, upsampled(TestSpeech.padded(TestSpeech.narrowband(said), 300, 300)));
        return stream.finish(expected);
    }

    private static void feed(RecognitionStream stream, short[] wide) {
        short[] frame = new short[320];
        for (int off = 0; off < wide.length; off += 320) {
            int n = Math.min(320, wide.length - off);
            System.arraycopy(wide, off, frame, 0, n);
            stream.accept(frame, n);
        }
    }

    private static short[] upsampled(short[] pcm8k) {
        StreamingResampler up = new StreamingResampler(8000, 16000);
        short[] out = new short[up.maxOutputLength(pcm8k.length)];
        int n = up.process(pcm8k, 0, pcm8k.length, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    /** A stand-in for Whisper (no ggml model can be obtained here): records what it was given. */
    private static final class RecordingTranscriber implements SpeechRecognizer {
        final List<Integer> received = new ArrayList<>();
        final String says;
        boolean closed;

        RecordingTranscriber(String says) {
            this.says = says;
        }

        @Override
        public int sampleRate() {
            return 16_000;
        }

        @Override
        public RecognitionStream openStream() {
            return new RecognitionStream() {
                int samples;

                @Override
                public void accept(short[] pcm16k, int len) {
                    samples += len;
                }

                @Override
                public String partial() {
                    return "";
                }

                @Override
                public String finalResult() {
                    received.add(samples);
                    samples = 0;
                    return says;
                }

                @Override
                public void reset() {
                    samples = 0;
                }

                @Override
                public void setPhraseHints(List<String> phrases) {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

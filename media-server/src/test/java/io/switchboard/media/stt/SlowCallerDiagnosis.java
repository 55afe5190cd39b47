package io.switchboard.media.stt;

import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallerVoice;
import io.switchboard.media.simulator.MaryCallerVoice;
import io.switchboard.scheduling.testing.TestProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Measurement only (-Ddiagnose=true): where the slow caller's words are lost. */
@EnabledIfSystemProperty(named = "diagnose", matches = "true")
class SlowCallerDiagnosis {

    private static final List<String> LINES = List.of("i need a plumber", "i'd like to book a visit please",
            "the toilet keeps running", "no thank you goodbye", "i want to move my appointment", "my tap is leaking");

    @Test
    void measure() {
        CallerVoice slow = CachedCallerVoice.of(MaryCallerVoice.SLOW);
        CallerVoice slowAtOwnRate = CachedCallerVoice.of(new MaryCallerVoice("mary-slow-rate0",
                MaryCallerVoice.SLOW.effects(), 0));
        CallerVoice slowNoEffects = CachedCallerVoice.of(new MaryCallerVoice("mary-rate25-plain", "", -25));
        CallerVoice deep = CachedCallerVoice.of(MaryCallerVoice.DEEP);
        GrammarPass pass = SharedVosk.engine().grammarPass();
        System.out.println("[diag] opening phrases the model lacks: " + OpeningVocabulary.phrases(TestProfiles.sample())
                .stream().filter(p -> pass.grammar(List.of(p)).isEmpty()).toList());
        for (String line : LINES) {
            System.out.println("[diag] LINE " + line);
            for (CallerVoice v : Boolean.getBoolean("diagnose.all") ? List.of(slow, slowAtOwnRate, slowNoEffects, deep)
                    : List.of(slow, deep)) {
                short[] wide = v.render(line, 16000);
                short[] narrow = v.render(line, 8000);
                System.out.printf("[diag]   %-70s %s%n", v.id(), stats(narrow));
                System.out.printf("[diag]     16k direct : %s%n", decode(pad(wide, 16)));
                short[] phone = PhoneBand.of(narrow);
                System.out.printf("[diag]     8k mu-law  : %s%n", decode(phone));
                System.out.printf("[diag]     8k opening grammar: %s%n", grammar(phone));
                System.out.printf("[diag]     8k with the opening pass: %s%n", withOpening(phone));
            }
        }
    }

    private static String grammar(short[] wide) {
        VoskSpeechRecognizer engine = SharedVosk.engine();
        String json = engine.grammarPass().grammar(OpeningVocabulary.phrases(TestProfiles.sample())).orElseThrow();
        org.vosk.Recognizer r = engine.grammarRecognizers().borrow(json);
        try {
            r.acceptWaveForm(wide, wide.length);
            return r.getFinalResult().replaceAll("\\s+", " ");
        } finally {
            engine.grammarRecognizers().release(json, r);
        }
    }

    private static String withOpening(short[] wide) {
        ListeningFor opening = new ExpectedSpeech(new io.switchboard.dialog.understanding.AnswerCheck(
                TestProfiles.sample(), java.time.Clock.systemUTC()), TestProfiles.sample())
                .apply(io.switchboard.dialog.understanding.Expectation.NONE);
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            stream.accept(wide, wide.length);
            Recognition r = stream.finish(opening);
            return r.pass() + " '" + r.text() + "'";
        }
    }

    private static String decode(short[] wide) {
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            short[] frame = new short[320];
            for (int off = 0; off < wide.length; off += 320) {
                int n = Math.min(320, wide.length - off);
                System.arraycopy(wide, off, frame, 0, n);
                stream.accept(frame, n);
            }
            return stream.finish(ListeningFor.ANYTHING).texts().toString();
        }
    }

    /** Duration, peak, clipped samples, and the pauses (runs of quiet 20 ms frames) inside the voiced span. */
    private static String stats(short[] pcm8k) {
        int frames = pcm8k.length / 160;
        boolean[] voiced = new boolean[frames];
        int first = -1;
        int last = -1;
        int peak = 0;
        int clipped = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * 160; i < f * 160 + 160; i++) {
                sum += (double) pcm8k[i] * pcm8k[i];
                peak = Math.max(peak, Math.abs(pcm8k[i]));
                clipped += Math.abs(pcm8k[i]) >= 32000 ? 1 : 0;
            }
            voiced[f] = Math.sqrt(sum / 160) > 200;
            if (voiced[f]) {
                last = f;
                first = first < 0 ? f : first;
            }
        }
        StringBuilder pauses = new StringBuilder();
        int run = 0;
        for (int f = first; f >= 0 && f <= last; f++) {
            if (!voiced[f]) {
                run++;
            } else {
                if (run >= 3) {
                    pauses.append(run * 20).append("ms@").append((f - run) * 20).append(' ');
                }
                run = 0;
            }
        }
        return String.format("len=%dms voiced=%d..%dms peak=%d clipped=%d pauses>=60ms=[%s]", pcm8k.length / 8,
                first * 20, (last + 1) * 20, peak, clipped, pauses.toString().trim());
    }

    /** The 16 kHz line with the 300 ms of silence each side that {@link PhoneBand} gives the phone line. */
    private static short[] pad(short[] pcm, int samplesPerMs) {
        short[] out = new short[pcm.length + 600 * samplesPerMs];
        System.arraycopy(pcm, 0, out, 300 * samplesPerMs, pcm.length);
        return out;
    }
}

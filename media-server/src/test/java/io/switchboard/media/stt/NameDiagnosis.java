package io.switchboard.media.stt;

import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallerVoice;
import io.switchboard.media.simulator.MaryCallerVoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Measurement only (-Ddiagnose=true): what the passes hear of the names the corpus callers give. */
@EnabledIfSystemProperty(named = "diagnose", matches = "true")
class NameDiagnosis {

    @Test
    void measure() {
        List<String> lines = List.of("my name is john smith", "my name is kate moore", "my name is james hall",
                "it's john smith", "no my name is john smith", "my name is sarah jones", "my name is lucy green",
                "my name is emma wilson", "my name is tom baker");
        List<String> names = new ArrayList<>(SpokenNameVocabulary.phrases());
        if (Boolean.getBoolean("diagnose.pairs")) {
            List<String> given = io.switchboard.dialog.understanding.CommonNames.given();
            List<String> sur = io.switchboard.dialog.understanding.CommonNames.surnames();
            for (String g : given.subList(0, Integer.getInteger("diagnose.given", 60))) {
                for (String f : sur.subList(0, Integer.getInteger("diagnose.sur", 80))) {
                    names.add(g + " " + f);
                }
            }
        }
        long t0 = System.nanoTime();
        GrammarPass pass = SharedVosk.engine().grammarPass();
        String json = pass.grammar(names).orElseThrow();
        org.vosk.Recognizer first = SharedVosk.engine().grammarRecognizers().borrow(json);
        SharedVosk.engine().grammarRecognizers().release(json, first);
        System.out.printf("[diag] %d phrases, grammar and first recogniser in %d ms%n", names.size(),
                (System.nanoTime() - t0) / 1_000_000);
        for (CallerVoice v : List.of(CachedCallerVoice.of(MaryCallerVoice.QUICK), CachedCallerVoice.of(MaryCallerVoice.DEEP),
                CachedCallerVoice.of(MaryCallerVoice.SLOW))) {
            for (String line : lines) {
                short[] phone = PhoneBand.of(v.render(line, 8000));
                org.vosk.Recognizer r = SharedVosk.engine().grammarRecognizers().borrow(json);
                String res;
                try {
                    r.acceptWaveForm(phone, phone.length);
                    res = r.getFinalResult().replaceAll("\\s+", " ");
                } finally {
                    SharedVosk.engine().grammarRecognizers().release(json, r);
                }
                System.out.printf("[diag] %-12s %-24s open=%s%n[diag]      grammar=%s%n", v.id(), line, open(phone), res);
            }
        }
    }

    private static String open(short[] wide) {
        try (RecognitionStream stream = SharedVosk.engine().openStream()) {
            stream.accept(wide, wide.length);
            return stream.finish(ListeningFor.ANYTHING).texts().toString();
        }
    }
}

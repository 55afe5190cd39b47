package io.switchboard.bench.corpus;

import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.CorpusTable;
import io.switchboard.media.simulator.SpokenCallCorpus;
import io.switchboard.media.simulator.SpokenCallResult;
import io.switchboard.media.simulator.SpokenCallScript;
import io.switchboard.media.simulator.SpokenCorpus;
import java.util.List;

/**
 * {@code bench corpus [n]}: the whole spoken-call corpus (40 calls) in real time over the WebSocket against a
 * receptionist in this JVM (embedded PostgreSQL, Vosk, MaryTTS), callers in every installed voice, and the per-voice
 * table; with {@code n}, that many calls spread over the corpus. Takes about a minute per call.
 */
public final class SpokenCorpusBench {

    private SpokenCorpusBench() {
    }

    public static void main(String[] args) throws Exception {
        List<SpokenCallScript> scripts = SpokenCallCorpus.all(SpokenCorpus.owner());
        if (args.length > 0) {
            scripts = SpokenCallCorpus.spread(scripts, Integer.parseInt(args[0]));
        }
        long started = System.nanoTime();
        List<SpokenCallResult> results;
        try (SpokenCorpus corpus = SpokenCorpus.start(scripts, Callers.installedVoices())) {
            results = corpus.runAll();
        }
        System.out.printf("%n%d calls in %.1f min; %.0f %% right%n%n", results.size(),
                (System.nanoTime() - started) / 6e10, 100 * CorpusTable.rightShare(results));
        System.out.println(CorpusTable.markdown(results));
    }
}

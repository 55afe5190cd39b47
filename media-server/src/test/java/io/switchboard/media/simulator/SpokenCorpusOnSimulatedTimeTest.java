package io.switchboard.media.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.call.TurnTakingCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole spoken-call corpus, 40 callers in MaryTTS voices (each with its own effects), through the real call
 * pipeline on simulated time: real Vosk with its second passes, the dialog on embedded PostgreSQL, MaryTTS for the
 * receptionist, on a deployment that texts callers (a booking whose name or address speech cannot carry goes on by
 * text, and the caller replies). Where espeak-ng or flite is installed, a spread of the corpus in those voices too, gated on its own.
 * The table is printed and written to {@code target/spoken-corpus.md}.
 */
class SpokenCorpusOnSimulatedTimeTest {

    /**
     * The product's target, across every voice: 90 % of calls end right (measured 46 of 50, see README). A call that
     * went on by text counts when the booking it finished is right; README reports the share right by voice alone.
     */
    private static final double ALL_GATE = 0.90;
    /** Per voice family, set below what was measured (MaryTTS 37 of 40, espeak/flite 9 of 10), so noise does not fail. */
    private static final double MARY_GATE = 0.85;
    private static final double OTHER_ENGINES_GATE = 0.60;
    private static final int OTHER_ENGINE_CALLS = 10;

    @Test
    void theSpokenCorpusOnSimulatedTime() throws Exception {
        List<SpokenCallScript> all = SpokenCallCorpus.all(SpokenCorpus.owner());
        List<CallerVoice> mary = List.of(MaryCallerVoice.DEEP, MaryCallerVoice.QUICK, MaryCallerVoice.SLOW).stream()
                .<CallerVoice>map(CachedCallerVoice::of).toList();
        List<CallerVoice> others = Callers.installedVoices().stream()
                .filter(v -> !v.id().startsWith("mary")).toList();
        List<SpokenCorpus.Placed> calls = new ArrayList<>(SpokenCorpus.roundRobin(all, mary));
        if (!others.isEmpty()) {
            calls.addAll(SpokenCorpus.roundRobin(SpokenCallCorpus.spread(all, OTHER_ENGINE_CALLS), others));
        }
        // -Dcorpus.only=<regex> plays only the calls whose "script-id voice-id" matches (for looking into a few
        // calls); such a run is reported and not gated, since a subset says nothing about the whole corpus.
        String only = System.getProperty("corpus.only", "");
        if (!only.isBlank()) {
            java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(only);
            calls.removeIf(p -> !wanted.matcher(p.script().id() + " " + p.voice().id()).find());
        }
        long started = System.nanoTime();
        List<SpokenCallResult> results;
        TurnTakingCounts turns;
        List<Double> waits;
        List<Integer> endOfTurn;
        try (SpokenCorpus corpus = SpokenCorpus.startFast(calls)) {
            results = corpus.runAll();
            turns = corpus.turnTaking();
            waits = corpus.replyWaitMillis();
            endOfTurn = corpus.endOfTurnWaits();
        }
        double minutes = (System.nanoTime() - started) / 6e10;
        String table = CorpusTable.markdown(results) + String.format(java.util.Locale.ROOT,
                "%nTurn-taking: %s (false cut-offs %.1f %% of replies to spoken turns); end-of-turn wait (caller's last"
                        + " voiced frame to the reply's first frame, simulated time, so without the server's own work)"
                        + " p50 %.0f ms, p95 %.0f ms over %d lines%n", turns, 100 * turns.falseCutOffRate(),
                percentile(endOfTurn.stream().map(Integer::doubleValue).toList(), 50),
                percentile(endOfTurn.stream().map(Integer::doubleValue).toList(), 95), endOfTurn.size())
                + String.format(java.util.Locale.ROOT, "Reply wait after the turn ended (real time: final recognition,"
                        + " dialog, first sentence; simulated time stands still for it): p50 %.0f ms, p95 %.0f ms over"
                        + " %d replies%n", percentile(waits, 50), percentile(waits, 95), waits.size());
        System.out.printf("[measure] spoken-call corpus on simulated time, %d calls in %.1f min:%n%s%n",
                results.size(), minutes, table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "spoken-corpus.md"), String.format(
                "Spoken-call corpus on simulated time: %d calls in %.1f min (wall, including rendering)%n%n%s",
                results.size(), minutes, table));

        assertThat(results).as(table).noneMatch(SpokenCallResult::looped);
        if (!only.isBlank()) {
            return;
        }
        List<SpokenCallResult> maryResults = results.stream().filter(r -> r.voice().startsWith("mary")).toList();
        assertThat(maryResults).hasSize(all.size());
        assertThat(CorpusTable.rightShare(maryResults)).as(table).isGreaterThanOrEqualTo(MARY_GATE);
        List<SpokenCallResult> otherResults = results.stream().filter(r -> !r.voice().startsWith("mary")).toList();
        if (!otherResults.isEmpty()) {
            assertThat(CorpusTable.rightShare(otherResults)).as(table).isGreaterThanOrEqualTo(OTHER_ENGINES_GATE);
        }
        assertThat(CorpusTable.rightShare(results)).as(table).isGreaterThanOrEqualTo(ALL_GATE);
    }

    /** The {@code p}th percentile (nearest rank) of {@code values}, or NaN when there are none. */
    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}

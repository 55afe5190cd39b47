package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.CallerVoice;
import io.switchboard.media.simulator.CorpusTable;
import io.switchboard.media.simulator.SpokenCallCorpus;
import io.switchboard.media.simulator.SpokenCallResult;
import io.switchboard.media.simulator.SpokenCallScript;
import io.switchboard.media.simulator.SpokenCorpus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Four calls of the spoken-call corpus in real time over the WebSocket (two bookings, a move, an owner call), one
 * voice each from the installed engines: the whole receptionist, judged by what ended up in the diary. The whole
 * corpus in real time is {@code bench corpus}.
 */
class SpokenCallCorpusTest {

    @Test
    void aFewSpokenCallsEndInTheRightOutcomeWithoutLooping() throws Exception {
        List<SpokenCallScript> all = SpokenCallCorpus.all(SpokenCorpus.owner());
        List<SpokenCallScript> subset = Stream.of("book-01", "book-06", "move-02", "owner-01")
                .map(id -> all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow()).toList();
        List<CallerVoice> voices = Callers.installedVoices();
        List<SpokenCallResult> results;
        try (SpokenCorpus corpus = SpokenCorpus.start(subset, voices)) {
            results = corpus.runAll();
        }
        System.out.println("[measure] spoken-call corpus subset:\n" + CorpusTable.markdown(results));

        assertThat(results).noneMatch(SpokenCallResult::looped);
        // A small sample cannot show 90 %; three of four calls right keeps a regression visible.
        assertThat(results.stream().filter(SpokenCallResult::right).count()).as(CorpusTable.markdown(results))
                .isGreaterThanOrEqualTo(3);
    }
}

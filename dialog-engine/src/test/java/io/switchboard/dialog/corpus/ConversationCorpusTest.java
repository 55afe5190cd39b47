package io.switchboard.dialog.corpus;

import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation corpus as a benchmark: several hundred generated callers (SMS, WhatsApp, speech-to-text) play
 * against the real engine over the embedded database, and the stored bookings are judged against each caller's one
 * intended booking. Writes {@code target/corpus-report.md} and {@code target/corpus-failures.md}.
 *
 * <p>System properties: {@code corpus.seed} draws another corpus, {@code corpus.perCategory} sets its size,
 * {@code corpus.minBookedRight} overrides {@link #MIN_BOOKED_RIGHT}, {@code corpus.enforce=false} reports without
 * failing, {@code corpus.only=NAMES,DATES_AS_SAID} plays only those categories (for working on one weakness). A
 * caller describing a danger must hear the profile's safety advice first in every case (100 %).
 */
class ConversationCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationCorpusTest.class);

    /** The share of dialogs that must end booked exactly right. */
    static final double MIN_BOOKED_RIGHT = 0.97;
    static final long DEFAULT_SEED = 20261123L;
    static final int DEFAULT_PER_CATEGORY = 20;

    private static SchedulingFixture fx;
    /** The sample dental practice, for the {@link Category#DENTIST} callers: a business of its own, its own database. */
    private static SchedulingFixture dental;

    @BeforeAll
    static void database() {
        fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
        dental = new SchedulingFixture(TestProfiles.dentist(), LocalDateTime.of(2026, 11, 23, 9, 0));
    }

    @AfterAll
    static void close() {
        fx.close();
        dental.close();
    }

    @Test
    void theCorpusBooksRightWithoutLoopsOrWrongBookings() throws IOException {
        long seed = Long.getLong("corpus.seed", DEFAULT_SEED);
        int perCategory = Integer.getInteger("corpus.perCategory", DEFAULT_PER_CATEGORY);
        double threshold = Double.parseDouble(System.getProperty("corpus.minBookedRight", String.valueOf(MIN_BOOKED_RIGHT)));
        // Only an explicit "false" turns the gate off: an unset or unresolved property enforces it.
        boolean enforce = !"false".equalsIgnoreCase(System.getProperty("corpus.enforce", "true").strip());

        String only = System.getProperty("corpus.only", "").strip();
        List<Persona> corpus = new CorpusGenerator(fx.scheduling().profile(), dental.scheduling().profile(), seed,
                perCategory).generate().stream()
                .filter(p -> only.isEmpty() || List.of(only.toUpperCase(java.util.Locale.ROOT).split("\\s*,\\s*"))
                        .contains(p.category().name()))
                .toList();
        DialogRunner runner = new DialogRunner(fx, dental, seed);
        long started = System.nanoTime();
        List<DialogRecord> records = new ArrayList<>();
        for (Persona p : corpus) {
            records.add(runner.play(p));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        CorpusReport report = new CorpusReport(records, seed);
        String summary = report.summary(threshold)
                + String.format("%n%d dialogs played in %.1f s.%n", records.size(), millis / 1000.0);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("corpus-report.md"), summary);
        Files.writeString(target.resolve("corpus-failures.md"), report.failureTranscripts());
        Files.writeString(target.resolve("corpus-transcripts.txt"), records.stream()
                .map(r -> String.join("\n", r.transcript())).collect(Collectors.joining("\n\n")));
        LOG.info("conversation corpus\n{}", summary);

        Set<Category> covered = EnumSet.noneOf(Category.class);
        corpus.forEach(p -> covered.add(p.category()));
        if (only.isEmpty()) {
            assertThat(covered).as("every category is in the corpus").containsExactlyInAnyOrder(Category.values());
            assertThat(records).as("corpus size").hasSizeGreaterThanOrEqualTo(Category.values().length * perCategory);
        }
        if (enforce) {
            assertThat(report.count(Outcome.LOOP)).as("loops\n" + summary).isZero();
            assertThat(report.count(Outcome.WRONG_BOOKING)).as("wrong bookings\n" + summary).isZero();
            assertThat(records.stream().filter(r -> r.persona().goal() == Persona.Goal.DECLINE)
                    .filter(r -> r.outcome() == Outcome.WRONG_BOOKING).count())
                    .as("bookings for out-of-scope requests\n" + summary).isZero();
            assertThat(report.bookedRightShare()).as("booked-right share\n" + summary).isGreaterThanOrEqualTo(threshold);
            assertThat(report.safetyAdviceFirstCount()).as("safety advice first in every safety dialog\n" + summary)
                    .isEqualTo(report.safetyDialogs());
        }
    }
}

package io.switchboard.bench.jmh;

import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.database.DatabaseSettings;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * One dialog turn on the rule path (no LLM) against an embedded PostgreSQL: understanding, the state machine
 * and, for the offer, an availability query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DialogTurnBenchmark {

    private Database database;
    private Receptionist receptionist;
    private long session;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        BusinessProfile profile = new BusinessProfileLoader().loadSample();
        database = Database.open(DatabaseSettings.embedded(Files.createTempDirectory("switchboard-bench-db")));
        Scheduling scheduling = Scheduling.create(profile, Clock.systemUTC(), database);
        receptionist = Receptionist.create(scheduling, new InMemorySessionStore(Clock.systemUTC()),
                DisabledLlmFallback.INSTANCE, new LoggingNotifier());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    /** A first message that names a service and a window: parse, then offer real open slots. */
    @Benchmark
    public TurnResult bookingRequestWithOffer() {
        return receptionist.handle(TurnRequest.text(Channel.VOICE, "bench-" + session++, "+447700900123",
                "hi i need a drain cleaning tomorrow afternoon please"));
    }

    /** A question answered from the business profile. */
    @Benchmark
    public TurnResult faqQuestion() {
        return receptionist.handle(TurnRequest.text(Channel.VOICE, "bench-" + session++, "+447700900123",
                "what are your opening hours on saturday"));
    }
}

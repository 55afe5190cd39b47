package io.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.switchboard.models.settings.SettingsSource;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An orderly shutdown: named steps run once, in order, within one time bound. Each step is told how much of the bound
 * is left and should not wait longer; a step that fails is logged and the next one runs; a step that overruns is left
 * behind (its thread is a daemon) so a stuck dependency cannot keep the process alive. Once the bound is spent, every
 * remaining step still gets {@link #LAST_STEPS_GRACE} so resources are released.
 */
public final class Shutdown {

    public static final String TIMEOUT = "SWITCHBOARD_SHUTDOWN_TIMEOUT";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** What a step gets once the bound is spent: enough to close a pool or a socket, not to wait for callers. */
    static final Duration LAST_STEPS_GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})(ms|s)?");

    /** One step's work; {@code remaining} is what is left of the bound. */
    @FunctionalInterface
    public interface Action {
        void run(Duration remaining) throws Exception;
    }

    public record Step(String name, Action action) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(action, "action");
        }
    }

    /** How one step went: {@code completed} false when it threw or overran. */
    public record Outcome(String step, boolean completed, Duration took) {
    }

    private final List<Step> steps;
    private final Duration bound;
    private final Clock clock;
    private List<Outcome> outcomes;

    public Shutdown(List<Step> steps, Duration bound, Clock clock) {
        this.steps = List.copyOf(steps);
        this.bound = Objects.requireNonNull(bound, "bound");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("bound must be positive");
        }
    }

    /** The bound from {@value #TIMEOUT} ({@code 20s}, {@code 1500ms}; plain numbers are seconds). */
    public static Duration timeoutFrom(SettingsSource source) {
        String raw = source.getOrDefault(TIMEOUT, "").strip().toLowerCase(Locale.ROOT);
        if (raw.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        Matcher m = SHORT.matcher(raw);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ConfigException(TIMEOUT, "'" + raw + "' is not a positive duration like 20s or 1500ms");
        }
        long n = Long.parseLong(m.group(1));
        return "ms".equals(m.group(2)) ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }

    public Duration bound() {
        return bound;
    }

    /**
     * Runs the steps, the first time only; later and concurrent calls (a signal and a shutdown hook) wait for that run
     * and get its outcomes.
     */
    public synchronized List<Outcome> run() {
        if (outcomes != null) {
            return outcomes;
        }
        Instant deadline = clock.instant().plus(bound);
        List<Outcome> done = new ArrayList<>();
        LOG.info("shutting down (at most {} s)", bound.toSeconds());
        for (Step step : steps) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(LAST_STEPS_GRACE) < 0) {
                left = LAST_STEPS_GRACE;
            }
            done.add(runOne(step, left));
        }
        outcomes = List.copyOf(done);
        LOG.info("shutdown finished: {}", outcomes.stream()
                .map(o -> o.step() + (o.completed() ? "" : " (incomplete)")).toList());
        return outcomes;
    }

    private Outcome runOne(Step step, Duration left) {
        Instant start = clock.instant();
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                step.action().run(left);
            } catch (InterruptedException e) {
                failure[0] = e;
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                failure[0] = e;
            }
        }, "shutdown-" + step.name().replace(' ', '-'));
        worker.setDaemon(true);
        worker.start();
        boolean finished;
        try {
            finished = worker.join(Duration.ofMillis(Math.max(1, left.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        Duration took = Duration.between(start, clock.instant());
        if (!finished) {
            LOG.warn("shutdown step '{}' did not finish within {} ms; going on", step.name(), left.toMillis());
            worker.interrupt();
            return new Outcome(step.name(), false, took);
        }
        if (failure[0] != null) {
            LOG.warn("shutdown step '{}' failed: {}", step.name(), failure[0].toString());
            return new Outcome(step.name(), false, took);
        }
        LOG.info("shutdown step '{}' done in {} ms", step.name(), TimeUnit.NANOSECONDS.toMillis(took.toNanos()));
        return new Outcome(step.name(), true, took);
    }
}

package io.switchboard.media.stt;

import java.util.Objects;

/**
 * An engine whose streams run on a shared, bounded set of {@link RecognitionWorkers} with finals first, instead of on
 * each call's own thread. What the streams return is unchanged; only who runs them, and in what order, is.
 */
public final class ScheduledSpeechRecognizer implements SpeechRecognizer {

    private final SpeechRecognizer engine;
    private final RecognitionWorkers workers;

    private ScheduledSpeechRecognizer(SpeechRecognizer engine, RecognitionWorkers workers) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** Runs {@code engine}'s streams on {@code workers} new worker threads; closing this closes both. */
    public static ScheduledSpeechRecognizer over(SpeechRecognizer engine, int workers, RecognitionObserver observer) {
        return new ScheduledSpeechRecognizer(engine, RecognitionWorkers.start(workers, observer));
    }

    @Override
    public int sampleRate() {
        return engine.sampleRate();
    }

    @Override
    public RecognitionStream openStream() {
        return workers.lane(engine.openStream());
    }

    public int workers() {
        return workers.size();
    }

    /** The engine underneath. */
    public SpeechRecognizer engine() {
        return engine;
    }

    @Override
    public void close() {
        workers.close();
        engine.close();
    }
}

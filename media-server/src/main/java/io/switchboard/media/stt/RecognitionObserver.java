package io.switchboard.media.stt;

/**
 * Told where recognition time goes under {@link RecognitionWorkers}: how long ready work waited for a worker, by
 * priority, and how long each kind of work ran. Called on worker threads, off the calls' threads; must be cheap.
 */
public interface RecognitionObserver {

    RecognitionObserver NONE = new RecognitionObserver() {
        @Override
        public void waited(RecognitionPriority priority, long nanos) {
        }

        @Override
        public void worked(String work, long nanos) {
        }
    };

    /** A call's lane waited {@code nanos} in the ready queue before a worker took it up at {@code priority}. */
    void waited(RecognitionPriority priority, long nanos);

    /**
     * One piece of work ran for {@code nanos}: {@code "feed"} (per 20 ms slot of audio, averaged over one run),
     * {@code "partial"}, {@code "settle"}, {@code "final"} or {@code "hints"}.
     */
    void worked(String work, long nanos);
}

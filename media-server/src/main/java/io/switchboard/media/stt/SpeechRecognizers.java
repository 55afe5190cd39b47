package io.switchboard.media.stt;

/** Starts the configured speech-to-text engine. */
public final class SpeechRecognizers {

    private SpeechRecognizers() {
    }

    /**
     * Starts the engine {@code settings} name, loading models and native libraries now so the first call pays nothing.
     *
     * @throws SpeechEngineException with a message naming what is missing or broken
     */
    public static SpeechRecognizer start(SttSettings settings) {
        return start(settings, RecognitionObserver.NONE);
    }

    /**
     * As {@link #start(SttSettings)}, the engine's streams run on {@link SttSettings#workers()} shared recognition
     * workers, finals first ({@link ScheduledSpeechRecognizer}), observed by {@code observer}.
     */
    public static SpeechRecognizer start(SttSettings settings, RecognitionObserver observer) {
        return ScheduledSpeechRecognizer.over(engine(settings), settings.workers(), observer);
    }

    private static SpeechRecognizer engine(SttSettings settings) {
        return switch (settings.engine()) {
            case VOSK -> {
                // Whisper, when configured, is loaded first: a bad model path fails start-up before Vosk's load.
                SpeechRecognizer secondPass = settings.whisperModelPath() == null ? null : whisper(settings);
                yield VoskSpeechRecognizer.start(new VoskModelInstaller(settings.cacheRoot()).install(),
                        settings.cacheRoot(), settings.poolSize(), secondPass);
            }
            case WHISPER -> whisper(settings);
        };
    }

    /** The Whisper engine of {@code settings}; a failure names the setting that pointed at the bad file. */
    private static WhisperSpeechRecognizer whisper(SttSettings settings) {
        try {
            return WhisperSpeechRecognizer.start(settings.whisperModelPath());
        } catch (SpeechEngineException e) {
            throw new SpeechEngineException("SWITCHBOARD_WHISPER_MODEL: " + e.getMessage(), e);
        }
    }
}

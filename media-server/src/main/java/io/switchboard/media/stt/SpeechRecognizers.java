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
        return switch (settings.engine()) {
            case VOSK -> VoskSpeechRecognizer.start(
                    new VoskModelInstaller(settings.cacheRoot()).install(), settings.cacheRoot(), settings.poolSize());
            case WHISPER -> WhisperSpeechRecognizer.start(settings.whisperModelPath());
        };
    }
}

package io.switchboard.media.stt;

import java.nio.file.Path;

/** One Vosk engine for the whole test run: loading the model takes most of a second. */
final class SharedVosk {

    static final Path CACHE_ROOT = Path.of("target", "test-cache").toAbsolutePath();

    private static VoskSpeechRecognizer engine;

    private SharedVosk() {
    }

    static synchronized Path model() {
        return new VoskModelInstaller(CACHE_ROOT).install();
    }

    static synchronized VoskSpeechRecognizer engine() {
        if (engine == null) {
            engine = VoskSpeechRecognizer.start(model(), CACHE_ROOT, 2);
        }
        return engine;
    }
}

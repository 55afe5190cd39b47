package io.switchboard.media.simulator;

import io.switchboard.media.call.CallPrompts;
import io.switchboard.media.stt.RecognitionObserver;
import io.switchboard.media.stt.ScheduledSpeechRecognizer;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.VoskModelInstaller;
import io.switchboard.media.stt.VoskSpeechRecognizer;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.PromptStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One MaryTTS, one Vosk engine and one set of pre-synthesised standard prompts per business name for the whole test
 * JVM, for the tests that run whole calls (the end-to-end calls, the fast driver, the spoken corpus): each used to
 * load its own, and pre-synthesising the 88 standard prompts alone takes MaryTTS many seconds. Users never close
 * them; the JVM's exit does. Vosk streams reset their recogniser when handed back, so calls of one test never hear
 * another's audio.
 */
public final class SharedSpeech {

    /** Where tests unpack the Vosk model and its native library: under the module's build directory. */
    public static final Path CACHE_ROOT = Path.of("target", "test-cache").toAbsolutePath();
    /**
     * Where every receptionist voice of the build keeps its synthesised prompts, in this JVM and in the server
     * processes the tests start: whichever says the standard prompts first saves the others half a minute.
     */
    public static final Path PROMPT_DIRECTORY = Path.of("target", "prompt-cache").toAbsolutePath();
    /** Recognisers kept ready: the most calls any of these tests runs at once; more are made on demand. */
    private static final int RECOGNIZERS = 3;

    private static MaryTtsSynthesizer mary;
    /** Recognition workers the shared engine runs on, as the server's pool does: one per core of these machines. */
    private static final int WORKERS = 2;

    private static SpeechRecognizer vosk;
    private static final Map<String, PromptCache> PROMPTS = new HashMap<>();

    private SharedSpeech() {
    }

    public static synchronized MaryTtsSynthesizer mary() {
        if (mary == null) {
            mary = MaryTtsSynthesizer.start();
        }
        return mary;
    }

    /** The Vosk engine on a pool of recognition workers, the way the server runs it. */
    public static synchronized SpeechRecognizer vosk() {
        if (vosk == null) {
            vosk = ScheduledSpeechRecognizer.over(
                    VoskSpeechRecognizer.start(new VoskModelInstaller(CACHE_ROOT).install(), CACHE_ROOT, RECOGNIZERS),
                    WORKERS, RecognitionObserver.NONE);
        }
        return vosk;
    }

    /**
     * {@link CallPrompts#standard} for {@code businessName}, synthesised by {@link #mary()} once per build (kept in
     * {@link #PROMPT_DIRECTORY}) and held in memory for the JVM.
     */
    public static synchronized PromptCache standardPrompts(String businessName) {
        return PROMPTS.computeIfAbsent(businessName,
                name -> PromptCache.preload(mary(), CallPrompts.standard(name), PromptStore.in(PROMPT_DIRECTORY, mary())));
    }
}

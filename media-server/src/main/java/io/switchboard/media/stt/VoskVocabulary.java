package io.switchboard.media.stt;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vosk.LibVosk;
import org.vosk.Model;

/**
 * The words a Vosk model can recognise. A grammar may only use those: Vosk drops an unknown word from its phrase
 * with a warning, which silently turns "sarah donnelly" into "sarah". The Java binding does not expose
 * {@code vosk_model_find_word}, so it is called through the library the binding already loaded. Thread-safe.
 */
final class VoskVocabulary {

    private final Model model;
    private final Function findWord;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    VoskVocabulary(Model model) {
        this.model = model;
        // The same name and options as the binding's own registration, so JNA hands back the library already loaded.
        NativeLibrary library = NativeLibrary.getInstance("vosk",
                Map.of(Library.OPTION_CLASSLOADER, LibVosk.class.getClassLoader()));
        this.findWord = library.getFunction("vosk_model_find_word");
    }

    /** Whether the model has {@code word} (lower case, one word). */
    boolean knows(String word) {
        return known.computeIfAbsent(word, w -> findWord.invokeInt(new Object[] {model, w}) >= 0);
    }

    /** Whether every word of {@code phrase} is known. */
    boolean knowsAll(String phrase) {
        for (String word : phrase.split(" ")) {
            if (!word.isEmpty() && !knows(word)) {
                return false;
            }
        }
        return true;
    }
}

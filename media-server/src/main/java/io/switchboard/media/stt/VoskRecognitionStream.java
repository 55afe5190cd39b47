package io.switchboard.media.stt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.vosk.Recognizer;

/**
 * A call's view of a pooled Vosk recogniser.
 *
 * <p>Vosk ends an utterance on its own after about half a second of silence; text it finalised that way is kept and
 * prefixed to later results, so a caller who pauses mid-turn loses nothing before the server's own end-of-turn.
 */
final class VoskRecognitionStream implements RecognitionStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN_VOCABULARY = "[]";
    private static final java.util.regex.Pattern UNKNOWN_WORD = java.util.regex.Pattern.compile("\\[unk\\]");

    private final Recognizer recognizer;
    private final VoskSpeechRecognizer engine;
    private final StringBuilder committed = new StringBuilder();
    private boolean narrowed;
    private boolean closed;

    VoskRecognitionStream(Recognizer recognizer, VoskSpeechRecognizer engine) {
        this.recognizer = recognizer;
        this.engine = engine;
    }

    @Override
    public void accept(short[] pcm16k, int len) {
        ensureOpen();
        if (len < 0 || len > pcm16k.length) {
            throw new IndexOutOfBoundsException("len " + len + " for array of " + pcm16k.length);
        }
        if (recognizer.acceptWaveForm(pcm16k, len)) {
            append(committed, field(recognizer.getResult(), "text"));
        }
    }

    @Override
    public String partial() {
        ensureOpen();
        return joined(field(recognizer.getPartialResult(), "partial"));
    }

    @Override
    public String finalResult() {
        ensureOpen();
        String text = joined(field(recognizer.getFinalResult(), "text"));
        committed.setLength(0);
        return text;
    }

    @Override
    public void reset() {
        ensureOpen();
        recognizer.reset();
        committed.setLength(0);
    }

    @Override
    public void setPhraseHints(List<String> phrases) {
        ensureOpen();
        reset();
        if (phrases.isEmpty()) {
            if (narrowed) {
                recognizer.setGrammar(OPEN_VOCABULARY);
                narrowed = false;
            }
            return;
        }
        ArrayNode grammar = JSON.createArrayNode();
        for (String phrase : phrases) {
            String cleaned = phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z' ]", " ").trim();
            if (!cleaned.isEmpty()) {
                grammar.add(cleaned.replaceAll(" +", " "));
            }
        }
        // "[unk]" lets speech outside the list through as unknown instead of forcing it onto a listed phrase.
        grammar.add("[unk]");
        recognizer.setGrammar(grammar.toString());
        narrowed = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        recognizer.reset();
        if (narrowed) {
            recognizer.setGrammar(OPEN_VOCABULARY);
        }
        engine.release(recognizer);
    }

    private String joined(String tail) {
        if (committed.isEmpty()) {
            return tail;
        }
        StringBuilder all = new StringBuilder(committed);
        append(all, tail);
        return all.toString();
    }

    private static void append(StringBuilder text, String words) {
        if (words.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(words);
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            // Out-of-list speech under phrase hints comes back as "[unk]"; the dialog wants words only.
            return node == null ? "" : UNKNOWN_WORD.matcher(node.asText()).replaceAll(" ").trim().replaceAll(" {2,}", " ");
        } catch (JsonProcessingException e) {
            throw new SpeechEngineException("Vosk returned malformed JSON", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("recognition stream is closed");
        }
    }
}

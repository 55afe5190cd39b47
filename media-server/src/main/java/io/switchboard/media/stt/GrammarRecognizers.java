package io.switchboard.media.stt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Grammar recognisers kept for reuse: building one compiles its grammar, hundreds of milliseconds for the dates
 * list, while resetting one costs microseconds. The same few grammars (yes/no, dates, services, digits) come up in
 * every call; offers differ per call, so only the most recently used grammars are kept. Thread-safe.
 */
final class GrammarRecognizers implements AutoCloseable {

    /** Distinct grammars kept: the bare expectations plus a few offer lists. */
    static final int MAX_GRAMMARS = 12;
    /** Idle recognisers kept per grammar (about the calls decoding the same question at once). */
    static final int PER_GRAMMAR = 2;

    private final Model model;
    private final int sampleRate;
    private final Map<String, Deque<Recognizer>> idle = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Recognizer>> eldest) {
            if (size() <= MAX_GRAMMARS) {
                return false;
            }
            eldest.getValue().forEach(Recognizer::close);
            return true;
        }
    };
    private boolean closed;

    GrammarRecognizers(Model model, int sampleRate) {
        this.model = model;
        this.sampleRate = sampleRate;
    }

    /** A recogniser for {@code grammar} (Vosk's JSON phrase list), with word confidences on. */
    Recognizer borrow(String grammar) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Vosk engine is closed");
            }
            Deque<Recognizer> waiting = idle.get(grammar);
            Recognizer r = waiting == null ? null : waiting.poll();
            if (r != null) {
                return r;
            }
        }
        Recognizer fresh = new Recognizer(model, sampleRate, grammar);
        fresh.setWords(true);
        return fresh;
    }

    /** Returns a borrowed recogniser, reset, for the next turn with the same grammar. */
    void release(String grammar, Recognizer recognizer) {
        recognizer.reset();
        synchronized (this) {
            if (!closed) {
                Deque<Recognizer> waiting = idle.computeIfAbsent(grammar, g -> new ArrayDeque<>());
                if (waiting.size() < PER_GRAMMAR) {
                    waiting.add(recognizer);
                    return;
                }
            }
        }
        recognizer.close();
    }

    /** Grammars with an idle recogniser waiting. */
    synchronized int grammarsKept() {
        return idle.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.values().forEach(q -> q.forEach(Recognizer::close));
        idle.clear();
    }
}

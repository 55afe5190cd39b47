package io.switchboard.media.tts;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed prompts (greeting, common questions) synthesised once at start-up (or read from the {@link PromptStore} an
 * earlier start filled), so those replies start with no synthesis delay at all. Looked up by their text, ignoring
 * surrounding and repeated whitespace. Immutable and thread-safe.
 */
public final class PromptCache {

    private static final Logger LOG = LoggerFactory.getLogger(PromptCache.class);

    /** Compiled once: every sentence of every reply is looked up here. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, CachedPrompt> prompts;

    private PromptCache(Map<String, CachedPrompt> prompts) {
        this.prompts = Map.copyOf(prompts);
    }

    /** Synthesises every text now (blocking; run it during start-up). */
    public static PromptCache preload(SpeechSynthesizer synthesizer, Collection<String> texts) {
        return preload(synthesizer, texts, PromptStore.NONE);
    }

    /**
     * Every text from {@code store} where it has it, the rest synthesised now on one thread per core and kept there
     * (blocking; run it during start-up).
     */
    public static PromptCache preload(SpeechSynthesizer synthesizer, Collection<String> texts, PromptStore store) {
        return preload(synthesizer, texts, store, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #preload(SpeechSynthesizer, Collection, PromptStore)} with the missing prompts synthesised on at most
     * {@code threads} threads at once: a first start says a hundred sentences, and one thread leaves the other cores
     * idle for the half-minute the server is not yet ready. Synthesizers serve concurrent calls, so they take
     * concurrent prompts too.
     */
    public static PromptCache preload(SpeechSynthesizer synthesizer, Collection<String> texts, PromptStore store,
                                      int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        long started = System.nanoTime();
        Map<String, byte[]> audio = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            String key = normalise(text);
            if (key.isEmpty() || audio.containsKey(key)) {
                continue;
            }
            Optional<byte[]> stored = store.load(key);
            audio.put(key, stored.orElse(null));
            if (stored.isEmpty()) {
                missing.add(key);
            }
        }
        synthesise(synthesizer, missing, store, Math.min(threads, Math.max(1, missing.size())))
                .forEach(audio::put);
        Map<String, CachedPrompt> prompts = new LinkedHashMap<>();
        audio.forEach((key, bytes) -> prompts.put(key, new CachedPrompt(key, bytes)));
        LOG.info("Pre-synthesised {} prompts ({} kept from earlier starts) in {} ms", prompts.size(),
                prompts.size() - missing.size(), (System.nanoTime() - started) / 1_000_000);
        return new PromptCache(prompts);
    }

    /** Each of {@code keys} synthesised and kept in {@code store}, on {@code threads} threads; a failure is rethrown. */
    private static Map<String, byte[]> synthesise(SpeechSynthesizer synthesizer, List<String> keys, PromptStore store,
                                                  int threads) {
        Map<String, byte[]> done = new ConcurrentHashMap<>();
        if (threads == 1) {
            keys.forEach(key -> done.put(key, synthesiseOne(synthesizer, key, store)));
            return done;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("prompts-", 0).factory());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String key : keys) {
                work.add(pool.submit(() -> done.put(key, synthesiseOne(synthesizer, key, store))));
            }
            for (Future<?> each : work) {
                each.get();
            }
            return done;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SpeechSynthesisException("a prompt could not be synthesised", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechSynthesisException("interrupted while synthesising prompts", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] synthesiseOne(SpeechSynthesizer synthesizer, String key, PromptStore store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        synthesizer.synthesize(key, out::write, () -> false);
        byte[] audio = out.toByteArray();
        store.save(key, audio);
        return audio;
    }

    /** The cached audio for {@code text}, if it was preloaded. */
    public Optional<CachedPrompt> find(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(prompts.get(normalise(text)));
    }

    public int size() {
        return prompts.size();
    }

    private static String normalise(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }
}

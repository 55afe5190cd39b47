package io.switchboard.media.tts;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
     * Every text from {@code store} where it has it, the rest synthesised now and kept there (blocking; run it during
     * start-up).
     */
    public static PromptCache preload(SpeechSynthesizer synthesizer, Collection<String> texts, PromptStore store) {
        long started = System.nanoTime();
        Map<String, CachedPrompt> prompts = new LinkedHashMap<>();
        int synthesised = 0;
        for (String text : texts) {
            String key = normalise(text);
            if (key.isEmpty() || prompts.containsKey(key)) {
                continue;
            }
            Optional<byte[]> stored = store.load(key);
            byte[] audio;
            if (stored.isPresent()) {
                audio = stored.get();
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                synthesizer.synthesize(key, out::write, () -> false);
                audio = out.toByteArray();
                store.save(key, audio);
                synthesised++;
            }
            prompts.put(key, new CachedPrompt(key, audio));
        }
        LOG.info("Pre-synthesised {} prompts ({} kept from earlier starts) in {} ms", prompts.size(),
                prompts.size() - synthesised, (System.nanoTime() - started) / 1_000_000);
        return new PromptCache(prompts);
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

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
 * Fixed prompts (greeting, common questions) synthesised once at start-up, so those replies start with no synthesis
 * delay at all. Looked up by their text, ignoring surrounding and repeated whitespace. Immutable and thread-safe.
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
        long started = System.nanoTime();
        Map<String, CachedPrompt> prompts = new LinkedHashMap<>();
        for (String text : texts) {
            String key = normalise(text);
            if (key.isEmpty() || prompts.containsKey(key)) {
                continue;
            }
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            synthesizer.synthesize(key, audio::write, () -> false);
            prompts.put(key, new CachedPrompt(key, audio.toByteArray()));
        }
        LOG.info("Pre-synthesised {} prompts in {} ms", prompts.size(), (System.nanoTime() - started) / 1_000_000);
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

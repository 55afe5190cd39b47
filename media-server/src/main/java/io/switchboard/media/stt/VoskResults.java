package io.switchboard.media.stt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Vosk's result JSON. With n-best on, a result is {@code {"alternatives":[{"confidence":s,"text":t},...]}}
 * with an unscaled total score per hypothesis and no per-word confidence; with words on (the grammar pass, n-best
 * off) it is {@code {"result":[{"conf":c,"word":w,...}],"text":t}}. Out-of-grammar speech comes back as
 * {@code [unk]}, which the dialog never sees.
 */
final class VoskResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNKNOWN_WORD = Pattern.compile("\\[unk\\]");

    /**
     * A grammar-pass result.
     *
     * @param text           its words, {@code [unk]} removed
     * @param lowestConfidence the least confident word's confidence: 0 when a word was {@code [unk]}, 1 when no word was heard
     */
    record Scored(String text, double lowestConfidence) {
    }

    /**
     * The words of a grammar-pass result that were recognised with at least a given confidence.
     *
     * @param text    those words in order ({@code [unk]} never among them)
     * @param heard   how many words the result had, {@code [unk]} included
     * @param certain how many of them are in {@code text}
     */
    record CertainWords(String text, int heard, int certain) {

        static final CertainWords NONE = new CertainWords("", 0, 0);

        CertainWords then(CertainWords next) {
            String joined = text.isEmpty() ? next.text : next.text.isEmpty() ? text : text + " " + next.text;
            return new CertainWords(joined, heard + next.heard, certain + next.certain);
        }
    }

    private VoskResults() {
    }

    /** The hypotheses of an n-best result, best first, each prefixed with {@code committed} words. */
    static List<Recognition.Alternative> alternatives(String json, String committed) {
        JsonNode root = parse(json);
        List<Recognition.Alternative> out = new ArrayList<>();
        JsonNode alternatives = root.get("alternatives");
        if (alternatives != null && alternatives.isArray()) {
            for (JsonNode a : alternatives) {
                out.add(new Recognition.Alternative(joined(committed, words(a.path("text").asText())),
                        a.path("confidence").asDouble(Double.NaN)));
            }
        } else if (root.has("text")) {
            out.add(new Recognition.Alternative(joined(committed, words(root.get("text").asText())), Double.NaN));
        }
        if (out.isEmpty() && !committed.isEmpty()) {
            out.add(new Recognition.Alternative(committed, Double.NaN));
        }
        return out;
    }

    /** The best hypothesis's words of any result shape. */
    static String best(String json) {
        List<Recognition.Alternative> all = alternatives(json, "");
        return all.isEmpty() ? "" : all.get(0).text();
    }

    /** A partial result's words. */
    static String partial(String json) {
        return words(parse(json).path("partial").asText());
    }

    /** A result with per-word confidences (n-best off, words on). */
    static Scored scored(String json) {
        JsonNode root = parse(json);
        JsonNode words = root.get("result");
        double lowest = 1;
        if (words != null && words.isArray()) {
            for (JsonNode w : words) {
                double conf = UNKNOWN_WORD.matcher(w.path("word").asText()).find() ? 0 : w.path("conf").asDouble(0);
                lowest = Math.min(lowest, conf);
            }
        }
        return new Scored(words(root.path("text").asText()), lowest);
    }

    /** The words of a result with per-word confidences whose confidence is at least {@code min}. */
    static CertainWords certainWords(String json, double min) {
        JsonNode words = parse(json).get("result");
        if (words == null || !words.isArray()) {
            return CertainWords.NONE;
        }
        StringBuilder text = new StringBuilder();
        int heard = 0;
        int certain = 0;
        for (JsonNode w : words) {
            String word = w.path("word").asText();
            heard++;
            if (!UNKNOWN_WORD.matcher(word).find() && w.path("conf").asDouble(0) >= min) {
                certain++;
                text.append(text.isEmpty() ? "" : " ").append(word);
            }
        }
        return new CertainWords(text.toString(), heard, certain);
    }

    private static String words(String text) {
        return UNKNOWN_WORD.matcher(text).replaceAll(" ").trim().replaceAll(" {2,}", " ");
    }

    private static String joined(String committed, String tail) {
        if (committed.isEmpty()) {
            return tail;
        }
        return tail.isEmpty() ? committed : committed + " " + tail;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpeechEngineException("Vosk returned malformed JSON", e);
        }
    }
}

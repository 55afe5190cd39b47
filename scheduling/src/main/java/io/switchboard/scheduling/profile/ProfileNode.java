package io.switchboard.scheduling.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One place in a profile document with its path ({@code services[2].duration}), so every check can name the field it
 * rejects. Problems are reported without quoting the document: a profile path pointed at the wrong file must not
 * print that file's contents, so messages say what was expected, never what was found. Only keys that look like
 * profile keys are named.
 */
final class ProfileNode {

    /** A key is printed only when it could be a profile key (lower-case snake case); anything else is described. */
    private static final Pattern PRINTABLE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final JsonNode node;
    private final String path;

    private ProfileNode(JsonNode node, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
    }

    static ProfileNode root(JsonNode document) {
        return new ProfileNode(document, "");
    }

    String path() {
        return path;
    }

    ProfileException problem(String text) {
        return new ProfileException(path.isEmpty() ? "(document)" : path, text);
    }

    ProfileNode field(String key) {
        return new ProfileNode(node.get(key), path.isEmpty() ? key : path + "." + key);
    }

    ProfileNode element(int index) {
        return new ProfileNode(node.get(index), path + "[" + index + "]");
    }

    boolean isMissing() {
        return node.isMissingNode() || node.isNull();
    }

    boolean isMapping() {
        return node.isObject();
    }

    boolean isList() {
        return node.isArray();
    }

    boolean isText() {
        return node.isTextual();
    }

    int size() {
        return node.size();
    }

    /** The keys of this mapping, in document order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    /** Fails on the first key of this mapping that is not in {@code known}, naming it and its closest known key. */
    void allowOnly(Set<String> known) {
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw rejectKey(key, known, "unknown field");
            }
        }
    }

    /** {@code key} of this mapping is wrong: names it when it looks like a key, with the closest of {@code known}. */
    ProfileException rejectKey(String key, Set<String> known, String problem) {
        String list = " (known here: " + String.join(", ", known.stream().sorted().toList()) + ")";
        if (!PRINTABLE_KEY.matcher(key).matches()) {
            return problem("has a key that is not a profile key" + list);
        }
        String hint = KeySuggestion.closest(key, known).map(k -> "; did you mean " + k + "?").orElse("");
        return field(key).problem(problem + hint + list);
    }

    /** A mapping, required: its absence or another shape fails with {@code expected}. */
    ProfileNode requiredMapping(String expected) {
        if (!node.isObject()) {
            throw problem((isMissing() ? "required: " : "must be ") + expected);
        }
        return this;
    }

    String requiredText() {
        if (isMissing()) {
            throw problem("required");
        }
        if (!node.isValueNode() || node.isBoolean() || node.asText().isBlank()) {
            throw problem("must be non-empty text");
        }
        return node.asText().strip();
    }

    String optionalText() {
        return isMissing() ? "" : requiredText();
    }

    /** {@code true} or {@code false} only: "yes please" is a mistake to report, not a quiet {@code false}. */
    boolean bool(boolean absent) {
        if (isMissing()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw problem("must be true or false");
        }
        return node.booleanValue();
    }

    int wholeNumber(int min) {
        if (isMissing()) {
            throw problem("required: a whole number of at least " + min);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
            throw problem("must be a whole number of at least " + min);
        }
        return node.intValue();
    }

    /** A list of non-empty texts; absent is an empty list. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        if (isMissing()) {
            return out;
        }
        if (!node.isArray()) {
            throw problem("must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(element(i).requiredText());
        }
        return out;
    }
}

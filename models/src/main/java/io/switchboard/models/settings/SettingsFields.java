package io.switchboard.models.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads one settings part field by field. A field whose value is unusable is recorded and its fallback used, so the
 * part's other keys are still read, and {@link #check()} then fails once naming every bad key of the part: keys that
 * depend on each other (an engine and the model it needs, a token and the URL it signs) are checked after the fields,
 * with {@link #add}, and reported in the same error as a bad value of any of them.
 */
public final class SettingsFields {

    private final List<SettingsProblem> problems = new ArrayList<>();
    /** What the one bad field threw, kept so a part with a single problem fails exactly as it always did. */
    private RuntimeException onlyFailure;

    /**
     * One field's value, or {@code fallback} with its problem recorded.
     *
     * @param key   the key the field reads, named when the parser's message does not start with one
     * @param parse the field's parser; it reports a bad value with a {@link SettingsException} or an
     *              {@link IllegalArgumentException} or {@link IllegalStateException} whose message names the key
     */
    public <T> T read(String key, T fallback, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (SettingsException e) {
            failed(e);
            problems.addAll(e.problems());
        } catch (IllegalArgumentException | IllegalStateException e) {
            failed(e);
            problems.add(SettingsProblem.fromMessage(key, e.getMessage()));
        }
        return fallback;
    }

    private void failed(RuntimeException e) {
        onlyFailure = problems.isEmpty() ? e : null;
    }

    /** Records a problem with {@code key}, found by a check across the fields. */
    public void add(String key, String problem) {
        onlyFailure = null;
        problems.add(new SettingsProblem(key, problem));
    }

    /** Whether no field has been bad so far: a check across fields is only meaningful on good values. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /**
     * @throws SettingsException listing every recorded problem, when there are several or a check across fields
     *                           found one; a single bad field's own exception when that was all (its type and cause
     *                           are what callers of the part have always seen)
     */
    public void check() {
        if (onlyFailure != null) {
            throw onlyFailure;
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
    }
}

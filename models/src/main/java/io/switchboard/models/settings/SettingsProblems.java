package io.switchboard.models.settings;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the settings parts from one source and gathers what is wrong with them, so start-up fails once with every
 * bad key listed rather than with the first one, fix, restart, the next one. Every problem passes through
 * {@link #redact}: a message never repeats the value of a secret (tokens, keys, passwords, database and Redis URLs).
 */
public final class SettingsProblems {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|API_KEY|_KEY$).*");
    /** These URLs may carry a password in their user-info. */
    private static final Set<String> SECRET_URLS = Set.of("DATABASE_URL", "REDIS_URL");
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@\\s]+@");

    private final SettingsSource source;
    private final List<SettingsProblem> problems = new ArrayList<>();

    public SettingsProblems(SettingsSource source) {
        this.source = source;
    }

    /**
     * Reads one part. When its parser reports a problem, it is recorded and {@code null} is returned, so the parts
     * after it are still read; {@link #check()} then fails with all of them.
     *
     * @param keys   the keys this part reads, named when the parser's message does not start with one
     * @param parser the part's parser
     */
    public <T> T read(String keys, Function<SettingsSource, T> parser) {
        try {
            return parser.apply(source);
        } catch (SettingsException e) {
            e.problems().forEach(p -> add(p.key(), p.problem()));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            SettingsProblem problem = SettingsProblem.fromMessage(keys, e.getMessage());
            add(problem.key(), problem.problem());
        }
        return null;
    }

    /** Records a problem with {@code key}. */
    public void add(String key, String problem) {
        problems.add(new SettingsProblem(key, redact(problem)));
    }

    public List<SettingsProblem> problems() {
        return List.copyOf(problems);
    }

    /** @throws SettingsException listing every recorded problem, when there is one */
    public void check() {
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
    }

    /** {@code text} with every secret's value of the source, and any URL's user-info, replaced by {@code ***}. */
    public String redact(String text) {
        String out = USER_INFO.matcher(text).replaceAll("$1***@");
        for (String key : source.keys()) {
            if (isSecret(key)) {
                String value = source.value(key).orElse("");
                if (value.length() >= 3) {
                    out = out.replace(value, "***");
                }
            }
        }
        return out;
    }

    /** Whether a key's value must never appear in a message or log line. */
    public static boolean isSecret(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        return SECRET_URLS.contains(k) || SECRET_NAME.matcher(k).matches();
    }
}

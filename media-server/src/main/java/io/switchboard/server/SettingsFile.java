package io.switchboard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.models.settings.SettingsSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The YAML settings file named by {@value #VARIABLE}: a flat mapping of the same names as the environment variables
 * ({@code SWITCHBOARD_HTTP_PORT: 9090}). Its values sit under the environment's: a variable set in the environment
 * wins.
 */
final class SettingsFile {

    static final String VARIABLE = "SWITCHBOARD_CONFIG";
    private static final String KEY = "[A-Z_][A-Z0-9_]{0,63}";

    private SettingsFile() {
    }

    /** The environment over the file it names, if any. */
    static SettingsSource withFile(Map<String, String> environment) {
        SettingsSource env = SettingsSource.of(environment);
        return env.value(VARIABLE).map(file -> env.over(read(file))).orElse(env);
    }

    /**
     * @throws ConfigException naming {@value #VARIABLE} when the file cannot be read or is not a flat mapping; the
     *                         message never quotes the file's content
     */
    static SettingsSource read(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ConfigException(VARIABLE, "'" + file + "' is not a usable path");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(path));
        } catch (JsonProcessingException e) {
            // Never the parser's message: it quotes the offending line, and the file may be anything.
            var at = e.getLocation();
            throw new ConfigException(VARIABLE, "'" + file + "' is not valid YAML"
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ConfigException(VARIABLE, "cannot read '" + file + "': " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return SettingsSource.of(values);
        }
        if (!root.isObject()) {
            throw new ConfigException(VARIABLE, "'" + file + "' must be a mapping of variable names to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().trim().toUpperCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw new ConfigException(name.matches(KEY) ? name : "(a key)",
                        "in '" + file + "' must be a single value, not a list or mapping");
            }
            values.put(name, value.asText());
        }
        return SettingsSource.of(values);
    }
}

package io.switchboard.bench.load;

import io.switchboard.models.settings.DataDir;
import io.switchboard.models.settings.SettingsSource;
import io.switchboard.telephony.security.AdminTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server's admin token, which {@code GET /v1/appointments} requires: {@code SWITCHBOARD_ADMIN_TOKEN} when set
 * (as for the server), else the token the server generated in its data directory
 * ({@code $SWITCHBOARD_DATA_DIR/admin-token}, default {@code data/admin-token}).
 */
final class AdminTokenFile {

    static final String VARIABLE = "SWITCHBOARD_ADMIN_TOKEN";

    private AdminTokenFile() {
    }

    /** @throws IOException naming where the token was looked for, never its value */
    static String find(Map<String, String> env) throws IOException {
        String configured = env.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = DataDir.from(SettingsSource.of(env)).resolve(AdminTokens.FILE_NAME); // read as the server reads it
        if (!Files.isReadable(file)) {
            throw new IOException("no admin token: set " + VARIABLE + " as for the server, or run from the "
                    + "directory whose " + file + " the server generated");
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
}

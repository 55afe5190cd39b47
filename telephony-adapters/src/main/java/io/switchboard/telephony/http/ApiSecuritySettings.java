package io.switchboard.telephony.http;

import io.switchboard.models.settings.SettingsFields;
import io.switchboard.models.settings.SettingsSource;
import io.switchboard.telephony.security.AdminToken;
import io.switchboard.telephony.security.AdminTokens;

import java.util.Objects;
import java.util.Optional;

/**
 * The configured part of the {@link ApiSecurity}: {@code SWITCHBOARD_ADMIN_TOKEN} (checked here, resolved against
 * the shared one at start-up), {@code SWITCHBOARD_WEB_ORIGINS} and {@code SWITCHBOARD_RATE_LIMIT_STORE}.
 *
 * @param adminToken   the configured admin token, or empty to use the generated, database-shared one
 * @param origins      web-widget origins allowed to call {@code /v1/chat}
 * @param sharedLimits rate-limit counters in PostgreSQL (every instance) rather than in this process
 */
public record ApiSecuritySettings(Optional<String> adminToken, WebOrigins origins, boolean sharedLimits) {

    public ApiSecuritySettings {
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(origins, "origins");
    }

    /** @throws IllegalArgumentException naming the variable whose value is unusable (never repeating a token) */
    public static ApiSecuritySettings from(SettingsSource source) {
        // Every key is read even after a bad one, so one start-up names all of them.
        SettingsFields fields = new SettingsFields();
        Optional<String> token = source.value(AdminTokens.VARIABLE);
        fields.read(AdminTokens.VARIABLE, null, () -> {
            try {
                return token.map(AdminToken::of).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(AdminTokens.VARIABLE + " " + e.getMessage());
            }
        });
        WebOrigins origins = fields.read(WebOrigins.VARIABLE, null, () -> {
            try {
                return WebOrigins.parse(source.get(WebOrigins.VARIABLE));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(WebOrigins.VARIABLE + ": " + e.getMessage(), e);
            }
        });
        String store = source.getOrDefault(ApiSecurity.LIMIT_STORE, "postgres").strip();
        boolean shared = fields.read(ApiSecurity.LIMIT_STORE, true, () -> switch (store) {
            case "memory" -> false;
            case "postgres", "" -> true;
            default -> throw new IllegalArgumentException(ApiSecurity.LIMIT_STORE + " must be postgres or memory");
        });
        fields.check();
        return new ApiSecuritySettings(token, origins, shared);
    }

    @Override
    public String toString() {
        return "ApiSecuritySettings[adminToken=" + (adminToken.isPresent() ? "configured" : "generated")
                + ", limits=" + (sharedLimits ? "postgres" : "memory") + "]";
    }
}

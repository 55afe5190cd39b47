package io.switchboard.telephony.http;

import io.switchboard.scheduling.Scheduling;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.security.AdminToken;
import io.switchboard.telephony.security.AdminTokens;
import io.switchboard.telephony.security.PostgresSharedSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use which part of the HTTP API: the admin token, the browser origins allowed on the public chat, and the
 * inbound rate limits of the public surfaces.
 *
 * @param token   the bearer token of admin APIs and trusted integrations
 * @param origins web-widget origins allowed to call {@code /v1/chat} from a browser
 * @param limits  per-sender and per-address limits of the public chat and the webhooks
 */
public record ApiSecurity(AdminToken token, WebOrigins origins, InboundLimits limits) {

    /** {@code memory} keeps rate-limit counters per process; the default {@code postgres} shares them. */
    public static final String LIMIT_STORE = "SWITCHBOARD_RATE_LIMIT_STORE";

    public ApiSecurity {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(origins, "origins");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * From {@code SWITCHBOARD_ADMIN_TOKEN} (or the generated, database-shared token with its copy in
     * {@code dataDir}), {@code SWITCHBOARD_WEB_ORIGINS} and {@code SWITCHBOARD_RATE_LIMIT_STORE}.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable (never repeating a token)
     */
    public static ApiSecurity fromEnvironment(Map<String, String> env, Path dataDir, Scheduling scheduling) {
        AdminToken token;
        try {
            token = new AdminTokens(dataDir, new PostgresSharedSettings(scheduling.database().dsl(), scheduling.clock()),
                    new SecureRandom()).resolve(Optional.ofNullable(env.get(AdminTokens.VARIABLE)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AdminTokens.VARIABLE + " " + e.getMessage(), e);
        }
        WebOrigins origins;
        try {
            origins = WebOrigins.parse(env.get(WebOrigins.VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WebOrigins.VARIABLE + ": " + e.getMessage(), e);
        }
        String store = env.getOrDefault(LIMIT_STORE, "postgres").strip();
        InboundLimits limits = switch (store) {
            case "memory" -> InboundLimits.inMemory(scheduling.clock());
            case "postgres", "" -> InboundLimits.shared(scheduling.database().dsl(), scheduling.clock());
            default -> throw new IllegalArgumentException(LIMIT_STORE + " must be postgres or memory");
        };
        return new ApiSecurity(token, origins, limits);
    }

    public AdminAuth requiredAdmin() {
        return AdminAuth.required(token);
    }

    public AdminAuth optionalAdmin() {
        return AdminAuth.optional(token);
    }

    public WebOrigins webOrigins() {
        return origins;
    }
}

package io.switchboard.telephony.http;

import io.switchboard.scheduling.Scheduling;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.security.AdminToken;
import io.switchboard.telephony.security.AdminTokens;
import io.switchboard.telephony.security.PostgresSharedSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;

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
     * The admin token (the configured one, or the generated, database-shared token with its copy in
     * {@code dataDir}), the web origins and the inbound rate limits the settings name.
     *
     * @throws java.io.UncheckedIOException when the local copy of a generated token cannot be written
     */
    public static ApiSecurity create(ApiSecuritySettings settings, Path dataDir, Scheduling scheduling) {
        AdminToken token = new AdminTokens(dataDir, new PostgresSharedSettings(scheduling.database().dsl(),
                scheduling.clock()), new SecureRandom()).resolve(settings.adminToken());
        InboundLimits limits = settings.sharedLimits()
                ? InboundLimits.shared(scheduling.database().dsl(), scheduling.clock())
                : InboundLimits.inMemory(scheduling.clock());
        return new ApiSecurity(token, settings.origins(), limits);
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

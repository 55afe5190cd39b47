package io.switchboard.scheduling.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;

import java.util.Optional;

/**
 * Whether the calendar is still usable after start-up: a key deleted in the console, a refresh token the owner
 * revoked or a calendar no longer shared with the account turns readiness false with the setting to fix. An outage
 * (5xx, timeouts) is not a readiness failure: changes wait in the outbox and the next pull catches up.
 */
public final class GoogleCalendarHealth {

    /** What the auth library throws when the token endpoint refuses (the class is not public). */
    private static final String AUTH_FAILURE = "com.google.auth.oauth2.GoogleAuthException";

    private volatile Problem problem;

    /** A request got through. */
    void succeeded() {
        problem = null;
    }

    /** Records what a failed pull or watch says about the set-up; transient failures change nothing. */
    void failed(Throwable error) {
        classify(error).ifPresent(p -> problem = p);
    }

    /** What is wrong, naming the setting; empty while the calendar works (or only has an outage). */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** True unless Google refused the credentials or {@code setting}'s calendar at the last attempt. */
    public boolean fine(String setting) {
        Problem p = problem;
        return p == null || !p.setting().equals(setting);
    }

    static Optional<Problem> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (AUTH_FAILURE.equals(t.getClass().getName())) {
                return Optional.of(new Problem(GoogleCalendarSettings.CREDENTIALS,
                        "Google refused the credentials (revoked refresh token or deleted key)"));
            }
            if (t instanceof GoogleJsonResponseException g) {
                return switch (g.getStatusCode()) {
                    case 401 -> Optional.of(new Problem(GoogleCalendarSettings.CREDENTIALS,
                            "Google refused the credentials (HTTP 401)"));
                    case 403, 404 -> Optional.of(new Problem(GoogleCalendarSettings.CALENDAR_ID,
                            "the account can no longer see this calendar (HTTP " + g.getStatusCode() + ")"));
                    default -> Optional.empty();
                };
            }
            if (t instanceof HttpResponseException h && h.getStatusCode() == 400
                    && String.valueOf(h.getContent()).contains("invalid_grant")) {
                return Optional.of(new Problem(GoogleCalendarSettings.CREDENTIALS,
                        "Google refused the credentials (invalid_grant)"));
            }
        }
        return Optional.empty();
    }

    /** @param setting the variable to fix */
    public record Problem(String setting, String message) {
        @Override
        public String toString() {
            return setting + ": " + message;
        }
    }
}

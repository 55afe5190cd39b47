package io.switchboard.scheduling.identity;

import java.time.Instant;
import java.util.Objects;

/** What asking for a one-time code led to. */
public sealed interface CodeIssue {

    /**
     * A code was stored (hashed) and is to be texted now. The plain code exists only here, on its way to the SMS;
     * {@link #toString()} never shows it.
     */
    record Issued(String code, Instant expiresAt) implements CodeIssue {
        public Issued {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    /** No code: nothing was stored or sent. */
    record Refused(Reason reason) implements CodeIssue {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why no code was sent. */
    enum Reason {
        /** Not something that can receive a text. */
        NOT_A_NUMBER,
        /** A number outside the countries the business serves ({@code SWITCHBOARD_SMS_COUNTRIES}). */
        COUNTRY_NOT_SERVED,
        /** This number has been sent enough codes in the last hour. */
        NUMBER_LIMIT,
        /** This client has asked for enough codes in the last hour. */
        CLIENT_LIMIT,
        /** The deployment's codes for the last 24 hours are used up. */
        DAILY_CAP
    }
}

package io.switchboard.telephony.privacy;

import java.time.Instant;

/** One kind of personal data with a retention period: removes what is older than its period as of {@code now}. */
public interface RetentionRule {

    /** For log lines: {@code "call log"}, {@code "message bodies"}... */
    String name();

    /** Removes (or redacts) what has outlived its period at {@code now}; returns how many items. Blocking. */
    int purge(Instant now);
}

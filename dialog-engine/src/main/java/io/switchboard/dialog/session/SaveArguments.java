package io.switchboard.dialog.session;

import java.time.Duration;
import java.util.Objects;

/** The argument checks of {@link SessionStore#save}, shared so every store rejects bad input the same way. */
final class SaveArguments {

    private SaveArguments() {
    }

    static void check(SessionKey key, String json, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("session ttl must be at least 1 ms, was " + ttl);
        }
    }
}

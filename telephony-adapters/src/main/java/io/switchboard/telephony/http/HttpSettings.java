package io.switchboard.telephony.http;

import java.util.Objects;

/**
 * Where the control plane listens.
 *
 * @param host        interface to bind ({@code 0.0.0.0} for all, {@code 127.0.0.1} for loopback only)
 * @param port        TCP port; 0 picks a free one (tests)
 * @param workerPool  threads for blocking API work (database, dialog engine, LLM)
 * @param timeouts    how long a slow or silent client may hold a connection
 */
public record HttpSettings(String host, int port, int workerPool, HttpTimeouts timeouts) {

    /** Matches the database pool: more workers than connections would only queue inside the pool. */
    public static final int DEFAULT_WORKER_POOL = 16;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (workerPool < 1) {
            throw new IllegalArgumentException("workerPool must be at least 1, was " + workerPool);
        }
        Objects.requireNonNull(timeouts, "timeouts");
    }

    public HttpSettings(String host, int port, int workerPool) {
        this(host, port, workerPool, HttpTimeouts.defaults());
    }

    public HttpSettings(String host, int port) {
        this(host, port, DEFAULT_WORKER_POOL);
    }

    public HttpSettings withTimeouts(HttpTimeouts newTimeouts) {
        return new HttpSettings(host, port, workerPool, newTimeouts);
    }
}

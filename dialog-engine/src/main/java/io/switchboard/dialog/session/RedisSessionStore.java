package io.switchboard.dialog.session;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in Redis through lettuce, so several Switchboard instances (or a restart) share them.
 * Each session is one string key {@code switchboard:session:<channel>:<id>} written with {@code SET ... PX ttl},
 * so Redis itself expires inactive sessions.
 *
 * <p>Uses lettuce's synchronous API on one shared, thread-safe connection: calls block for a round trip,
 * so they belong on a worker thread, never on an event loop. Commands fail after the command timeout
 * (and at once while disconnected) with a {@link SessionStoreException} rather than hanging a turn.
 */
public final class RedisSessionStore implements SessionStore {

    /** Every session key starts with this, so Switchboard can share a Redis database with other programs. */
    public static final String KEY_PREFIX = "switchboard:session:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> commands;
    private final String endpoint;
    private volatile boolean closed;

    /** Connects to {@code redisUrl} ({@code redis://[:password@]host:port/db}) with the default timeout. */
    public RedisSessionStore(String redisUrl) {
        this(redisUrl, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * Connects at once, so a wrong URL or an unreachable server fails at start-up, not on the first call.
     *
     * @throws IllegalArgumentException when the URL cannot be read
     * @throws SessionStoreException    when Redis cannot be reached
     */
    public RedisSessionStore(String redisUrl, Duration commandTimeout) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        RedisURI uri = parse(redisUrl);
        uri.setTimeout(commandTimeout);
        // host:port/db only: the URL may carry a password, which must never reach a log or an exception
        this.endpoint = uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            this.connection = client.connect();
        } catch (RedisException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw new SessionStoreException("cannot connect to Redis at " + endpoint, e);
        }
        this.commands = connection.sync();
        LOG.info("Sessions stored in Redis at {}", endpoint);
    }

    static RedisURI parse(String redisUrl) {
        try {
            return RedisURI.create(redisUrl.trim());
        } catch (RuntimeException e) {
            // not chained: lettuce's message repeats the URL, password included
            throw new IllegalArgumentException("REDIS_URL is not a valid redis://host:port/db URL");
        }
    }

    @Override
    public Optional<String> load(SessionKey key) {
        String redisKey = redisKey(key);
        ensureOpen();
        try {
            return Optional.ofNullable(commands.get(redisKey));
        } catch (RedisException e) {
            throw failure("load", key, e);
        }
    }

    @Override
    public void save(SessionKey key, String json, Duration ttl) {
        SaveArguments.check(key, json, ttl);
        ensureOpen();
        try {
            commands.set(redisKey(key), json, SetArgs.Builder.px(ttl.toMillis()));
        } catch (RedisException e) {
            throw failure("save", key, e);
        }
    }

    @Override
    public void delete(SessionKey key) {
        String redisKey = redisKey(key);
        ensureOpen();
        try {
            commands.del(redisKey);
        } catch (RedisException e) {
            throw failure("delete", key, e);
        }
    }

    /** A PING within the command timeout. */
    @Override
    public boolean isReachable() {
        if (closed) {
            return false;
        }
        try {
            return "PONG".equals(commands.ping());
        } catch (RedisException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** The Redis key holding a session; public so operators and tests can find it. */
    public static String redisKey(SessionKey key) {
        return KEY_PREFIX + Objects.requireNonNull(key, "key").storageKey();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the Redis session store is closed");
        }
    }

    private SessionStoreException failure(String operation, SessionKey key, RedisException e) {
        return new SessionStoreException("Redis " + operation + " of " + key + " at " + endpoint + " failed", e);
    }
}

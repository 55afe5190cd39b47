package io.switchboard.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged {@code switchboard.jar} running as a separate process, the way a user starts it
 * ({@code java -jar switchboard.jar}), for integration tests of the artifact itself.
 *
 * <p>{@link #start} picks free loopback ports for HTTP and media (unless the environment given names them), a
 * fresh data directory under {@code target/it/} (unless {@code SWITCHBOARD_DATA_DIR} is given, e.g. to restart on
 * the same data), shares one prompt directory ({@link #PROMPTS}) between every server of the build, captures stdout
 * and stderr to a log file next to it, and returns once {@code GET /health} answers
 * 200. The child sees only the variables given plus {@code PATH}, {@code HOME}, {@code TMPDIR} and {@code LANG}
 * from this JVM, so a developer's shell (a {@code REDIS_URL}, Twilio credentials) cannot leak into a test.
 *
 * <p>{@link #close} asks the server to stop (SIGTERM), waits, then kills it; any process the server left behind
 * (the embedded PostgreSQL, recorded in {@code <data>/postgres/postmaster.pid}) is stopped too, so a test run never
 * leaves a database holding a data directory; a data directory the fixture made is then deleted (the log stays).
 */
public final class ServerProcess implements AutoCloseable {

    /** System property naming the jar; the failsafe configuration sets it, the default suits a module build. */
    public static final String JAR_PROPERTY = "switchboard.jar";
    public static final Duration DEFAULT_READY_WITHIN = Duration.ofSeconds(120);
    public static final Duration STOP_WITHIN = Duration.ofSeconds(20);

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Path IT_DIR = Path.of("target", "it");
    /**
     * Where every server the tests start keeps its synthesised prompts ({@code SWITCHBOARD_PROMPT_CACHE_DIR}): the
     * first start of a build synthesises them, the others read them, as a restarted server does. Half a minute of
     * both cores per start otherwise. The same directory as the in-JVM calls' prompts, so those fill it too.
     */
    public static final Path PROMPTS = io.switchboard.media.simulator.SharedSpeech.PROMPT_DIRECTORY;
    private static final List<String> INHERITED = List.of("PATH", "HOME", "TMPDIR", "LANG");

    private final String name;
    private final Process process;
    private final Map<String, String> environment;
    private final Path dataDir;
    /** True when this fixture made the data directory, so it removes it again on close. */
    private final boolean ownsDataDir;
    private final Path log;
    private final int httpPort;
    private final int mediaPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Stops the server if the test JVM exits without {@link #close} (a failsafe timeout, Ctrl-C). */
    private final Thread stopAtExit = new Thread(this::stop, "stop-switchboard-at-exit");

    private ServerProcess(String name, Process process, Map<String, String> environment, Path dataDir,
                          boolean ownsDataDir, Path log, int httpPort, int mediaPort) {
        this.name = name;
        this.process = process;
        this.environment = Map.copyOf(environment);
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.log = log;
        this.httpPort = httpPort;
        this.mediaPort = mediaPort;
    }

    /** Starts the jar with {@code env} and waits up to {@link #DEFAULT_READY_WITHIN} for it to be ready. */
    public static ServerProcess start(String name, Map<String, String> env) {
        return start(name, env, DEFAULT_READY_WITHIN);
    }

    /**
     * Starts the jar with {@code env} (over the defaults described on the class) and waits up to {@code readyWithin}
     * for {@code GET /health} to answer 200.
     *
     * @param name a short label for the log and data directory ({@code "it"}, {@code "node-a"})
     * @throws IllegalStateException with the log's tail when the server exits or is not ready in time
     */
    public static ServerProcess start(String name, Map<String, String> env, Duration readyWithin) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar.toAbsolutePath()
                    + ": run the package phase first (mvn verify runs it before integration tests)");
        }
        String label = name + "-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        Map<String, String> childEnv = new HashMap<>();
        for (String inherited : INHERITED) {
            Optional.ofNullable(System.getenv(inherited)).ifPresent(v -> childEnv.put(inherited, v));
        }
        childEnv.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
        childEnv.put("SWITCHBOARD_MEDIA_HOST", "127.0.0.1");
        childEnv.putAll(env);
        int httpPort = portOf(childEnv, "SWITCHBOARD_HTTP_PORT");
        int mediaPort = portOf(childEnv, "SWITCHBOARD_MEDIA_PORT");
        childEnv.putIfAbsent("SWITCHBOARD_PUBLIC_URL", "http://127.0.0.1:" + httpPort);
        childEnv.putIfAbsent("SWITCHBOARD_PROMPT_CACHE_DIR", PROMPTS.toAbsolutePath().toString());
        try {
            Files.createDirectories(IT_DIR);
            boolean ownsDataDir = !childEnv.containsKey("SWITCHBOARD_DATA_DIR");
            Path dataDir = ownsDataDir ? Files.createDirectories(IT_DIR.resolve(label).toAbsolutePath())
                    : Path.of(childEnv.get("SWITCHBOARD_DATA_DIR"));
            childEnv.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
            Path log = IT_DIR.resolve(label + ".log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder(javaBinary().toString(), "-jar",
                    jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(childEnv);
            ServerProcess server = new ServerProcess(name, builder.start(), childEnv, dataDir, ownsDataDir, log,
                    httpPort, mediaPort);
            Runtime.getRuntime().addShutdownHook(server.stopAtExit);
            try {
                server.awaitReady(readyWithin);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** The packaged jar: {@value #JAR_PROPERTY} or {@code target/switchboard.jar} of the module being built. */
    public static Path jar() {
        return Path.of(System.getProperty(JAR_PROPERTY, "target/switchboard.jar"));
    }

    /** A TCP port free on loopback right now (the usual race applies: bind it soon). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The media WebSocket, {@code ws://127.0.0.1:<media port>/media}. */
    public URI mediaUri() {
        return URI.create("ws://127.0.0.1:" + mediaPort + "/media");
    }

    public int httpPort() {
        return httpPort;
    }

    public int mediaPort() {
        return mediaPort;
    }

    /** The environment the child was started with (defaults included), e.g. to start another on the same data. */
    public Map<String, String> environment() {
        return environment;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return log;
    }

    /** Everything the server printed so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the server at once (SIGKILL), as a crash would, leaving its embedded PostgreSQL running. */
    public void kill() {
        process.destroyForcibly();
        waitFor(process.toHandle(), STOP_WITHIN);
    }

    /**
     * Stops the server (SIGTERM, then SIGKILL after {@link #STOP_WITHIN}) and whatever it left running: its child
     * processes and the PostgreSQL named by {@code postmaster.pid} in its data directory; deletes the data directory
     * if {@link #start} made it. Safe to call repeatedly.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already exiting: the hook runs stop() itself
        }
        stop();
    }

    private synchronized void stop() {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(process.toHandle(), STOP_WITHIN)) {
                process.destroyForcibly();
                waitFor(process.toHandle(), STOP_WITHIN);
            }
        }
        postmaster().ifPresent(children::add);
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, then forcibly
                if (!waitFor(child, STOP_WITHIN)) {
                    child.destroyForcibly();
                    waitFor(child, STOP_WITHIN);
                }
            }
        }
        if (ownsDataDir) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover directory under target/ is harmless; the next clean removes it
        }
    }

    @Override
    public String toString() {
        return "switchboard " + name + " (pid " + process.pid() + ", http " + httpPort + ", media " + mediaPort
                + ", log " + log + ")";
    }

    private void awaitReady(Duration within) {
        Instant deadline = Instant.now().plus(within);
        HttpRequest health = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited with status " + process.exitValue()
                        + " before it was ready; its log ends:\n" + tail(40));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + this, e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(this + " was not ready within " + within + "; its log ends:\n" + tail(40));
    }

    /** The last {@code lines} lines of the log, without stack frames. */
    public String tail(int lines) {
        List<String> all = log().lines().filter(l -> !l.stripLeading().startsWith("at ")).toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("");
            // A stale file (a crashed postgres) may name a pid reused since: only a postgres is stopped.
            return first.strip().matches("\\d+") ? ProcessHandle.of(Long.parseLong(first.strip()))
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int portOf(Map<String, String> env, String variable) {
        String given = env.get(variable);
        if (given != null && !given.isBlank() && !given.strip().equals("0")) {
            return Integer.parseInt(given.strip());
        }
        int port = freePort();
        env.put(variable, Integer.toString(port));
        return port;
    }

    /** The java of the JVM running the tests, so the child runs on the same JDK. */
    private static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static boolean waitFor(ProcessHandle handle, Duration within) {
        try {
            handle.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

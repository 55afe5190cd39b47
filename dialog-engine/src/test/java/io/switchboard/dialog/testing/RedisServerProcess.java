package io.switchboard.dialog.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away redis-server on a free loopback port, without persistence, for tests (this module's and, through
 * the test-jar, other modules').
 *
 * <p>The binary is an installed {@code redis-server} on {@code PATH} when there is one, else the one shipped inside
 * the {@code com.github.codemonstur:embedded-redis} test dependency (Redis 6.2 for Linux and macOS on amd64/arm64),
 * copied out once per JVM: the suite needs no system package. On any other platform it fails loudly rather than let
 * the Redis tests silently skip.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static Path extracted;

    private final Process process;
    private final int port;
    private final Path log;

    private RedisServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@link #binary()}. */
    public static RedisServerProcess start() throws IOException, InterruptedException {
        return start(binary());
    }

    /** Starts the given redis-server binary. */
    public static RedisServerProcess start(Path redisServer) throws IOException, InterruptedException {
        String binary = redisServer.toString();
        IOException last = null;
        // a free port can be taken between probing and binding; try a few
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freeLoopbackPort();
            Path log = Files.createTempFile("redis-test-", ".log");
            Process process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RedisServerProcess server = new RedisServerProcess(process, port, log);
            if (server.awaitPong()) {
                return server;
            }
            String output = Files.readString(log);
            server.close();
            last = new IOException(binary + " did not answer on port " + port + ": " + output);
        }
        throw last;
    }

    /** The redis-server this class runs: the installed one, else the bundled one. */
    public static Path binary() {
        return findOnPath("redis-server").orElseGet(RedisServerProcess::bundledBinary);
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    private boolean awaitPong() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readNBytes(7);
                if (new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return true;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (!dir.isEmpty() && candidate.isFile() && candidate.canExecute()) {
                return Optional.of(candidate.toPath().toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The embedded-redis binary for this platform, copied out of the classpath (once per JVM). */
    public static synchronized Path bundledBinary() {
        if (extracted != null) {
            return extracted;
        }
        String resource = bundledResource();
        try (InputStream in = RedisServerProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("redis-server is not on PATH and " + resource + " is not on the "
                        + "classpath (test dependency com.github.codemonstur:embedded-redis)");
            }
            Path dir = Files.createTempDirectory("redis-server-");
            Path binary = dir.resolve("redis-server");
            Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
            if (!binary.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("cannot make " + binary + " executable");
            }
            // Deleted in reverse order of registration at exit: the file, then its directory.
            dir.toFile().deleteOnExit();
            binary.toFile().deleteOnExit();
            extracted = binary;
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy out the bundled redis-server", e);
        }
    }

    private static String bundledResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
        if (os.contains("linux") && amd64) {
            return "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("linux") && arm) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.contains("mac") && amd64) {
            return "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("mac") && arm) {
            return "redis-server-6.2.6-v5-darwin-arm64";
        }
        throw new IllegalStateException("redis-server is not on PATH and no bundled one exists for " + os + "/"
                + arch + "; the Redis session store tests need a real server. Install redis-server and rerun.");
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}

package io.switchboard.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Finds the process listening on a local TCP port, the way {@code ss -ltnp} does: the socket's inode from
 * {@code /proc/net/tcp} and {@code tcp6}, then the process holding a descriptor on {@code socket:[inode]}. Only sees
 * processes this user may inspect.
 */
public final class ListeningProcess {

    private static final String LISTEN = "0A";

    private ListeningProcess() {
    }

    /** The pid of the process listening on {@code port}, if found. */
    public static OptionalLong onPort(int port) throws IOException {
        Path proc = Path.of("/proc");
        for (String table : new String[]{"net/tcp", "net/tcp6"}) {
            Path file = proc.resolve(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            OptionalLong inode = listeningInode(Files.readString(file), port);
            if (inode.isPresent()) {
                OptionalLong pid = owner(proc, inode.getAsLong());
                if (pid.isPresent()) {
                    return pid;
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The inode of the socket listening on {@code port} in a {@code /proc/net/tcp}-format table. */
    static OptionalLong listeningInode(String table, int port) {
        String wantedPort = String.format(Locale.ROOT, "%04X", port);
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (f.length < 10) {
                continue;
            }
            String local = f[1];
            int colon = local.lastIndexOf(':');
            if (colon > 0 && local.substring(colon + 1).equalsIgnoreCase(wantedPort) && f[3].equals(LISTEN)) {
                long inode = Long.parseLong(f[9]);
                if (inode != 0) {
                    return OptionalLong.of(inode);
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The process (under {@code procRoot}) with a descriptor on socket {@code inode}. */
    static OptionalLong owner(Path procRoot, long inode) throws IOException {
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(procRoot, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                Path fds = process.resolve("fd");
                try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
                    for (Path link : links) {
                        try {
                            if (Files.readSymbolicLink(link).toString().equals(target)) {
                                return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                            }
                        } catch (IOException ignored) {
                            // the descriptor closed while we looked
                        }
                    }
                } catch (IOException | SecurityException ignored) {
                    // someone else's process, or it exited
                }
            }
        }
        return OptionalLong.empty();
    }
}

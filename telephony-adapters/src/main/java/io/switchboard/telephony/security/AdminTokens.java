package io.switchboard.telephony.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the admin token comes from. {@code SWITCHBOARD_ADMIN_TOKEN} when set; otherwise one generated on the first
 * start and shared through the database (so every instance on it accepts the same token), with a local copy in
 * {@code <data dir>/admin-token}, readable by the server's user only, for the operator to read. The log says where
 * the token is, never what it is.
 */
public final class AdminTokens {

    public static final String VARIABLE = "SWITCHBOARD_ADMIN_TOKEN";
    public static final String FILE_NAME = "admin-token";
    /** Name of the shared setting holding the generated token. */
    static final String SETTING = "admin_token";

    private static final Logger LOG = LoggerFactory.getLogger(AdminTokens.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path dataDir;
    private final SharedSettings shared;
    private final SecureRandom random;

    public AdminTokens(Path dataDir, SharedSettings shared, SecureRandom random) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The token file of a data directory. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The token to require: the configured one, or the shared generated one (created now if this is the first
     * instance ever to start on the database).
     *
     * @param configured the value of {@code SWITCHBOARD_ADMIN_TOKEN}, or empty
     * @throws IllegalArgumentException when the configured token is unusable (the message never repeats it)
     * @throws UncheckedIOException     when the local copy cannot be written
     */
    public AdminToken resolve(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String value = configured.get().strip();
            AdminToken token = AdminToken.of(value);
            LOG.info("admin API: bearer token from {}", VARIABLE);
            if (value.length() < AdminToken.RECOMMENDED_LENGTH) {
                LOG.warn("{} is shorter than {} characters; use a random one, e.g. `openssl rand -base64 32`",
                        VARIABLE, AdminToken.RECOMMENDED_LENGTH);
            }
            return token;
        }
        Path file = file(dataDir);
        // The database is the one source of truth, so deleting its row rotates the token for every instance at
        // their next start; a local copy is never offered back (it would resurrect a rotated token).
        String stored = shared.putIfAbsent(SETTING, AdminToken.generate(random));
        writeLocal(file, stored);
        LOG.info("admin API: {} not set; the bearer token is in {} (readable by this user only; shared by every "
                + "instance on this database)", VARIABLE, file.toAbsolutePath());
        return AdminToken.of(stored);
    }

    /** Writes through a temporary file created owner-only and moved into place, so no reader sees it half written. */
    private static void writeLocal(Path file, String token) {
        try {
            if (Files.isRegularFile(file) && token.equals(Files.readString(file, StandardCharsets.US_ASCII).strip())) {
                restrict(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path temp = createOwnerOnly(file.resolveSibling(FILE_NAME + ".tmp"));
            Files.writeString(temp, token + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token file " + file.toAbsolutePath(), e);
        }
    }

    private static Path createOwnerOnly(Path temp) throws IOException {
        Files.deleteIfExists(temp);
        if (!supportsPosix(temp.getParent())) {
            return Files.createFile(temp);
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try {
            return Files.createFile(temp, ownerOnly);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + temp, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (supportsPosix(file.getParent()) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            LOG.warn("{} was readable by others; now owner-only. Rotate the token if others could read it.",
                    file.toAbsolutePath());
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

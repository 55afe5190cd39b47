package io.switchboard.scheduling.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded server's superuser password: generated once (32 random bytes), kept in a file readable by the owner
 * only, next to the data directory, and read on every later start. Anyone who can read it can already read the data
 * files; everyone else on the machine is refused by the server.
 */
final class SuperuserPassword {

    static final String FILE = "superuser-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SuperuserPassword() {
    }

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(file(dir));
    }

    /** The stored password, creating (owner-only from the first byte) a new one when there is none. */
    static String readOrCreate(Path dir) {
        Path file = file(dir);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            try {
                if (posix(dir)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
                return password;
            } catch (FileAlreadyExistsException raced) {
                // another start created it first: use theirs
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file, e);
            }
        }
        try {
            if (posix(dir) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty; restore it from a backup of the data directory");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

package io.switchboard.telephony.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.models.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, fsynced copy of each inbound SMS for the moments before it is in the database. Twilio never redelivers a
 * message, so an SMS acknowledged while the database is stalled must survive a crash somewhere else: here, one small
 * file per message (owner-only), removed as soon as the {@link Inbox} holds the message. On start-up whatever is left
 * is moved into the inbox and answered. Per server: a server that never comes back takes its spool with it.
 * Blocking: call from a worker thread.
 */
final class InboundSpool {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSpool.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".json";

    private final Path dir;

    InboundSpool(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the inbound spool " + dir, e);
        }
    }

    /** Writes the message durably (written, synced, then renamed into place). */
    void write(InboundText m) {
        ObjectNode node = JSON.createObjectNode()
                .put("provider", m.provider().wireName())
                .put("message_id", m.messageId())
                .put("channel", m.channel().wireName())
                .put("sender", m.fromE164())
                .put("body", m.text())
                .put("media_count", m.mediaCount());
        Path target = file(m);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(node)));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool " + m.messageId(), e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool " + m.messageId(), e);
        }
    }

    /** The database has it now. */
    void remove(InboundText m) {
        try {
            Files.deleteIfExists(file(m));
        } catch (IOException e) {
            // Harmless: replaying it later is a duplicate the inbox ignores.
            LOG.warn("cannot remove spooled message {}: {}", m.messageId(), e.getMessage());
        }
    }

    /** What a previous run left here; unreadable files are logged and kept for an operator. */
    List<InboundText> pending() {
        List<InboundText> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
                    out.add(new InboundText(
                            MessageProvider.valueOf(n.path("provider").asText().toUpperCase(Locale.ROOT)),
                            n.path("message_id").asText(), Channel.fromWire(n.path("channel").asText()).orElseThrow(),
                            n.path("sender").asText(), n.path("body").asText(), n.path("media_count").asInt()));
                } catch (IOException | RuntimeException e) {
                    LOG.error("unreadable spooled message {}: {}", f.getFileName(), e.getClass().getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inbound spool " + dir, e);
        }
        return out;
    }

    private Path file(InboundText m) {
        // Ids are printable ASCII but may hold '/' or '.': hex keeps the file name safe.
        return dir.resolve(m.provider().wireName() + "-"
                + HexFormat.of().formatHex(m.messageId().getBytes(StandardCharsets.US_ASCII)) + SUFFIX);
    }
}

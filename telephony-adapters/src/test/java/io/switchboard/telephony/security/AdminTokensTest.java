package io.switchboard.telephony.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin token: configured, or generated once and shared through PostgreSQL, never logged. */
class AdminTokensTest {

    private static SchedulingFixture fx;

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AdminTokens.class);

    @BeforeAll
    static void database() {
        fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 9, 0));
    }

    @AfterAll
    static void closeDatabase() {
        fx.close();
    }

    @BeforeEach
    void capture() {
        fx.scheduling().database().dsl().execute("DELETE FROM switchboard_setting");
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    private AdminTokens tokens(Path dataDir) {
        return new AdminTokens(dataDir, new PostgresSharedSettings(fx.scheduling().database().dsl(), fx.clock()),
                new SecureRandom());
    }

    @Test
    void aGeneratedTokenIsStoredOwnerOnlyAndLoggedByWhereNotWhat() throws Exception {
        AdminToken token = tokens(dir).resolve(Optional.empty());

        Path file = AdminTokens.file(dir);
        String stored = Files.readString(file).strip();
        assertThat(stored).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(token.matches(stored)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(file.toAbsolutePath().toString()));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(stored));
        assertThat(token.toString()).doesNotContain(stored);
    }

    @Test
    void everyInstanceOnTheDatabaseGetsTheFirstInstancesToken() throws Exception {
        Path first = Files.createDirectories(dir.resolve("instance-1"));
        Path second = Files.createDirectories(dir.resolve("instance-2"));

        tokens(first).resolve(Optional.empty());
        AdminToken other = tokens(second).resolve(Optional.empty());

        String one = Files.readString(AdminTokens.file(first)).strip();
        assertThat(Files.readString(AdminTokens.file(second)).strip()).isEqualTo(one);
        assertThat(other.matches(one)).isTrue();
    }

    @Test
    void aRestartKeepsTheTokenAndAStaleLocalCopyIsReplacedByTheSharedOne() throws Exception {
        tokens(dir).resolve(Optional.empty());
        String shared = Files.readString(AdminTokens.file(dir)).strip();
        Files.writeString(AdminTokens.file(dir), "stale-local-token-0123456789\n");

        AdminToken again = tokens(dir).resolve(Optional.empty());

        assertThat(again.matches(shared)).isTrue();
        assertThat(again.matches("stale-local-token-0123456789")).isFalse();
        assertThat(Files.readString(AdminTokens.file(dir)).strip()).isEqualTo(shared);
    }

    @Test
    void deletingTheSharedRowRotatesTheTokenAtTheNextStart() throws Exception {
        AdminToken old = tokens(dir).resolve(Optional.empty());
        String oldValue = Files.readString(AdminTokens.file(dir)).strip();
        fx.scheduling().database().dsl().execute("DELETE FROM switchboard_setting WHERE name = 'admin_token'");

        AdminToken rotated = tokens(dir).resolve(Optional.empty());

        assertThat(old.matches(oldValue)).isTrue();
        assertThat(rotated.matches(oldValue)).as("the old local copy is not offered back").isFalse();
        assertThat(rotated.matches(Files.readString(AdminTokens.file(dir)).strip())).isTrue();
    }

    @Test
    void aConfiguredTokenWinsAndNothingIsWritten() {
        AdminToken token = tokens(dir).resolve(Optional.of("configured-token-0123456789"));

        assertThat(token.matches("configured-token-0123456789")).isTrue();
        assertThat(AdminTokens.file(dir)).doesNotExist();
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("configured-token"));
    }

    @Test
    void aShortOrOddConfiguredTokenIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> tokens(dir).resolve(Optional.of("hunter2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2")
                .hasMessageContaining("12");
        assertThatThrownBy(() -> AdminToken.of("has a space in the token"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("space in");
    }

    @Test
    void matchingIsExact() {
        AdminToken token = AdminToken.of("exact-token-0123456789");

        assertThat(token.matches("exact-token-0123456789")).isTrue();
        assertThat(token.matches("exact-token-012345678")).isFalse();
        assertThat(token.matches("exact-token-01234567890")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}

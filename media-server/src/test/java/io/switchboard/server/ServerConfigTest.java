package io.switchboard.server;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void anEmptyEnvironmentGivesTheDefaults() {
        ServerConfig config = ServerConfig.from(SettingsSource.of(Map.of()));

        assertThat(config.businessProfile()).isEmpty();
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.now()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.postgresDir()).isEqualTo(Path.of("data", "postgres"));
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.databaseSettings().embedded()).isTrue();
        assertThat(config.databaseSettings().embeddedDir()).isEqualTo(Path.of("data", "postgres"));
        assertThat(Settings.load(Map.of()).sessions().redisUrl()).isEmpty();
        assertThat(config.sessionTimeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everyVariableIsRead() {
        Settings settings = Settings.load(Map.of(
                "SWITCHBOARD_BUSINESS", "/etc/switchboard/acme.yaml",
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", " 9090 ",
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", "/var/lib/switchboard",
                "DATABASE_URL", "postgres://sb:secret@db.example:5433/switchboard",
                "REDIS_URL", "redis://cache:6379",
                "SWITCHBOARD_SESSION_TIMEOUT", "1h30m",
                "OPENAI_API_KEY", "sk-test"));
        ServerConfig config = settings.server();

        assertThat(config.businessProfile()).contains(Path.of("/etc/switchboard/acme.yaml"));
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.now()).contains(LocalDateTime.of(2026, 11, 23, 9, 0));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/switchboard"));
        assertThat(config.databaseSettings().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/switchboard");
        assertThat(config.databaseSettings().user()).isEqualTo("sb");
        assertThat(settings.sessions().redisUrl()).contains("redis://cache:6379");
        assertThat(config.sessionTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(settings.llm().orElseThrow().apiKey()).isEqualTo("sk-test");
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "15m, PT15M", "2h, PT2H", "PT20M, PT20M", "pt45s, PT45S"})
    void sessionTimeoutsReadInShortOrIsoForm(String text, Duration expected) {
        assertThat(ServerConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_SESSION_TIMEOUT", text))).sessionTimeout())
                .isEqualTo(expected);
    }

    @Test
    void nowAcceptsASpaceForTheT() {
        assertThat(ServerConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_NOW", "2026-11-23 09:00:30"))).now())
                .contains(LocalDateTime.of(2026, 11, 23, 9, 0, 30));
    }

    @Test
    void theClockStartsAtSwitchboardNowInTheBusinessZoneAndTicks() {
        MutableClock system = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        ServerConfig config = ServerConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_NOW", "2026-07-01T09:00")));

        Clock clock = config.clock(LONDON, system);

        // July: London is on BST, so 09:00 local is 08:00 UTC.
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(clock.getZone()).isEqualTo(LONDON);
        system.advance(Duration.ofMinutes(5));
        assertThat(ZonedDateTime.now(clock).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 7, 1, 9, 5));
    }

    @Test
    void withoutSwitchboardNowTheClockIsTheSystemClock() {
        MutableClock system = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

        Clock clock = ServerConfig.from(SettingsSource.of(Map.of())).clock(LONDON, system);

        assertThat(clock.instant()).isEqualTo(system.instant());
        system.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T01:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "80.5", "99999999999"})
    void aBadPortFailsNamingTheVariable(String port) {
        assertThatThrownBy(() -> ServerConfig.from(SettingsSource.of(Map.of("SWITCHBOARD_HTTP_PORT", port))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SWITCHBOARD_HTTP_PORT: ")
                .hasMessageContaining(port)
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo("SWITCHBOARD_HTTP_PORT"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SWITCHBOARD_NOW             | tomorrow",
            "SWITCHBOARD_NOW             | 2026-11-23",
            "SWITCHBOARD_NOW             | 2026-13-01T09:00",
            "SWITCHBOARD_SESSION_TIMEOUT | soon",
            "SWITCHBOARD_SESSION_TIMEOUT | 0m",
            "SWITCHBOARD_SESSION_TIMEOUT | 99999999999999999999h",
            "SWITCHBOARD_HTTP_HOST       | not a host",
            "DATABASE_URL                | mysql://db/switchboard"})
    void otherBadValuesFailNamingTheVariable(String variable, String value) {
        assertThatThrownBy(() -> ServerConfig.from(SettingsSource.of(Map.of(variable, value))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable + ": ");
    }

    @Test
    void aConfigFileAddsValuesAndTheEnvironmentWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, """
                SWITCHBOARD_HTTP_PORT: 9191
                SWITCHBOARD_NOW: "2026-11-23T09:00"
                switchboard_data_dir: /srv/sb
                OPENAI_API_KEY: sk-from-file
                """);

        Settings settings = Settings.load(Map.of(
                "SWITCHBOARD_CONFIG", file.toString(),
                "SWITCHBOARD_HTTP_PORT", "7070"));
        ServerConfig config = settings.server();

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.now()).contains(LocalDateTime.of(2026, 11, 23, 9, 0));
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/sb"));
        assertThat(settings.llm().orElseThrow().apiKey()).isEqualTo("sk-from-file");
    }

    @Test
    void aBadValueInTheConfigFileIsNamedToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, "SWITCHBOARD_HTTP_PORT: eighty\n");

        assertThatThrownBy(() -> Settings.load(Map.of("SWITCHBOARD_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SWITCHBOARD_HTTP_PORT: ");
    }

    @Test
    void aMissingOrMalformedConfigFileFailsNamingSwitchboardConfig(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Settings.load(
                Map.of("SWITCHBOARD_CONFIG", dir.resolve("absent.yaml").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SWITCHBOARD_CONFIG: ");

        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- 1\n- 2\n");
        assertThatThrownBy(() -> Settings.load(Map.of("SWITCHBOARD_CONFIG", list.toString())))
                .hasMessageStartingWith("SWITCHBOARD_CONFIG: ");

        Path nested = dir.resolve("nested.yaml");
        Files.writeString(nested, "SWITCHBOARD_HTTP_PORT:\n  value: 8080\n");
        assertThatThrownBy(() -> Settings.load(Map.of("SWITCHBOARD_CONFIG", nested.toString())))
                .hasMessageStartingWith("SWITCHBOARD_HTTP_PORT: ");
    }

    @Test
    void toStringNeverShowsPasswordsOrKeys() {
        Settings settings = Settings.load(Map.of(
                "DATABASE_URL", "postgres://sb:hunter2@db:5432/sb",
                "REDIS_URL", "redis://:redispass@cache:6379",
                "OPENAI_API_KEY", "sk-secret"));

        assertThat(settings.server().toString()).doesNotContain("hunter2").contains("external");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("redispass")
                .doesNotContain("sk-secret").contains("external").contains("redis");
    }
}

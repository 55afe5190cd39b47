package io.switchboard.server;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.profile.BusinessMismatchException;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Switching the profile on a data dir that holds another business's bookings, as {@code serve} and {@code chat} open it. */
class BusinessSwitchTest {

    @TempDir
    Path dataDir;

    @Test
    void anotherBusinessIsRefusedOnTheDataDirOfTheFirstUnlessRebound() throws Exception {
        Path dental = dataDir.resolveSibling(dataDir.getFileName() + "-dental.yaml");
        try (InputStream in = BusinessProfileLoader.class.getResourceAsStream(BusinessProfileLoader.DENTAL_SAMPLE_RESOURCE)) {
            Files.write(dental, in.readAllBytes());
        }
        try (Switchboard plumber = Switchboard.open(config(Map.of()))) {
            var scheduling = plumber.scheduling();
            BookingResult r = scheduling.bookings().book(new BookingRequest(null, "general-repair",
                    LocalDateTime.of(2026, 11, 24, 10, 0).atZone(scheduling.profile().timezone()), "+447700900123",
                    "Ada", "1 Test Street", "tap", false, new Actor(Channel.WEB, "test")));
            assertThat(r).isInstanceOf(BookingResult.Success.class);
        }

        Settings dentist = config(Map.of(ServerConfig.BUSINESS, dental.toString()));
        assertThatThrownBy(() -> Switchboard.open(dentist).close())
                .isInstanceOf(BusinessMismatchException.class)
                .hasMessageContaining("1 booking of Bristol Plumbing (id bristol-plumbing)")
                .hasMessageContaining("SWITCHBOARD_REBIND_BUSINESS=true");

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Main.profile(dentist.server(), new PrintStream(report, true, StandardCharsets.UTF_8));
        assertThat(report.toString(StandardCharsets.UTF_8))
                .startsWith("Bristol Dental")
                .contains("a booking collects name, phone, problem")
                .contains("Data: 1 booking of Bristol Plumbing (id bristol-plumbing), not of bristol-dental: serve and"
                        + " chat will refuse this profile unless SWITCHBOARD_REBIND_BUSINESS=true");

        try (Switchboard plumberAgain = Switchboard.open(config(Map.of()))) {
            assertThat(plumberAgain.profile().id()).isEqualTo("bristol-plumbing");
        }
        try (Switchboard rebound = Switchboard.open(config(Map.of(ServerConfig.BUSINESS, dental.toString(),
                BusinessMismatchException.REBIND_SETTING, "true")))) {
            assertThat(rebound.profile().name()).isEqualTo("Bristol Dental");
        }
        try (Switchboard dentistNow = Switchboard.open(dentist)) {
            assertThat(dentistNow.profile().id()).isEqualTo("bristol-dental");
        }
        Files.delete(dental);
    }

    @Test
    void theRebindSettingIsTrueOrFalseOnly() {
        assertThat(RebindSetting.from(SettingsSource.of(Map.of()))).isFalse();
        assertThat(RebindSetting.from(SettingsSource.of(Map.of(BusinessMismatchException.REBIND_SETTING, "TRUE")))).isTrue();
        assertThatThrownBy(() -> RebindSetting.from(SettingsSource.of(Map.of(BusinessMismatchException.REBIND_SETTING, "yes"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(BusinessMismatchException.REBIND_SETTING + ": must be true or false");
    }

    private Settings config(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString()));
        env.putAll(more);
        return Settings.load(env);
    }
}

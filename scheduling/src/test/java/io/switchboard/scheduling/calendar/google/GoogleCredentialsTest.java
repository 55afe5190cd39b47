package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.testing.FakeGoogleCalendar;
import io.switchboard.scheduling.testing.RecordedOwnerChanges;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OAuth client + refresh-token credentials, and what a credential that stops working does later. */
class GoogleCredentialsTest {

    private static final String CALENDAR = "bristol.plumbing@example.com";

    @TempDir
    Path dir;
    private final FakeGoogleCalendar google = new FakeGoogleCalendar(CALENDAR);

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void anOAuthClientFileWithARefreshTokenConnects() throws Exception {
        GoogleCalendarApi api = GoogleCalendarApi.connect(settings(google.writeOAuthClientFile(dir)));

        assertThat(api.calendarId()).isEqualTo(CALENDAR);
        assertThat(google.tokensIssued()).as("the refresh token was exchanged").isEqualTo(1);
    }

    @Test
    void anAuthorizedUserFileConnects() throws Exception {
        Path file = Files.writeString(dir.resolve("user.json"), """
                {"type":"authorized_user","client_id":"%s","client_secret":"%s","refresh_token":"%s",
                 "token_uri":"%stoken"}""".formatted(FakeGoogleCalendar.OAUTH_CLIENT_ID,
                FakeGoogleCalendar.OAUTH_CLIENT_SECRET, FakeGoogleCalendar.REFRESH_TOKEN, google.apiUrl()));

        GoogleCalendarApi.connect(settings(file));

        assertThat(google.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aRevokedRefreshTokenFailsStartUpNamingTheSetting() throws Exception {
        Path file = google.writeOAuthClientFile(dir);
        google.revokeRefreshToken();

        assertThatThrownBy(() -> GoogleCalendarApi.connect(settings(file)))
                .isInstanceOf(GoogleCalendarSetupException.class)
                .hasMessageStartingWith("SWITCHBOARD_GOOGLE_CREDENTIALS:")
                .hasMessageContaining("revoked");
    }

    @Test
    void aClientFileWithoutARefreshTokenIsRefusedNamingTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("client.json"),
                "{\"installed\":{\"client_id\":\"x\",\"client_secret\":\"y\"}}");

        assertThatThrownBy(() -> GoogleCalendarApi.connect(settings(file)))
                .isInstanceOf(GoogleCalendarSetupException.class)
                .hasMessageStartingWith("SWITCHBOARD_GOOGLE_CREDENTIALS:")
                .hasMessageContaining("refresh_token");
    }

    @Test
    void aTokenRevokedWhileRunningMakesTheHealthNameTheSetting() throws Exception {
        try (SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 7, 0))) {
            GoogleCalendarApi api = GoogleCalendarApi.connect(settings(google.writeOAuthClientFile(dir)));
            GoogleCalendarHealth health = new GoogleCalendarHealth();
            GoogleCalendarPull pull = new GoogleCalendarPull(api, fx.database().dsl(), fx.clock(),
                    fx.scheduling().profile().timezone(), Duration.ofDays(61), fx.scheduling().appointments(),
                    fx.scheduling().bookings(), new RecordedOwnerChanges());
            pull.pullOnce();
            assertThat(health.fine(GoogleCalendarSettings.CREDENTIALS)).isTrue();

            google.revokeRefreshToken();
            try {
                pull.pullOnce();
            } catch (RuntimeException e) {
                health.failed(e);
            }

            assertThat(health.problem()).get().extracting(GoogleCalendarHealth.Problem::setting)
                    .isEqualTo(GoogleCalendarSettings.CREDENTIALS);
            assertThat(health.fine(GoogleCalendarSettings.CREDENTIALS)).isFalse();
            assertThat(health.fine(GoogleCalendarSettings.CALENDAR_ID)).isTrue();
        }
    }

    @Test
    void anOutageIsNotASetUpProblem() {
        assertThat(GoogleCalendarHealth.classify(new java.io.IOException("connect timed out"))).isEmpty();
    }

    private GoogleCalendarSettings settings(Path file) {
        return GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, file.toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR,
                GoogleCalendarSettings.API_URL, google.apiUrl().toString()))).orElseThrow();
    }
}

package io.switchboard.scheduling.calendar.google;

import io.switchboard.models.settings.SettingsSource;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.scheduling.testing.FakeGoogleCalendar;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch channel: opened, checked by its token, renewed before it expires by the injected clock. */
class GoogleCalendarWatchTest {

    private static final String CALENDAR = "bristol.plumbing@example.com";

    @TempDir
    Path dir;
    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), LocalDateTime.of(2026, 11, 23, 7, 0));
    private final FakeGoogleCalendar google = new FakeGoogleCalendar(CALENDAR);
    private final List<Boolean> received = new CopyOnWriteArrayList<>();
    private HttpServer ours;
    private GoogleCalendarWatch watch;

    @BeforeEach
    void start() throws Exception {
        GoogleCalendarApi api = GoogleCalendarApi.connect(GoogleCalendarSettings.from(SettingsSource.of(Map.of(
                GoogleCalendarSettings.CREDENTIALS, google.writeServiceAccountKey(dir).toString(),
                GoogleCalendarSettings.CALENDAR_ID, CALENDAR,
                GoogleCalendarSettings.API_URL, google.apiUrl().toString()))).orElseThrow());
        // Stands in for Switchboard's notify route: checks each notification as the route does.
        ours = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ours.createContext(GoogleCalendarWatch.PATH, x -> {
            if ("sync".equals(x.getRequestHeaders().getFirst("X-Goog-Resource-State"))) {
                // Google may post it before the watch call has returned (and the channel is stored): it only
                // says the channel is open, so it is answered without a check and starts nothing.
                x.sendResponseHeaders(200, -1);
                x.close();
                return;
            }
            boolean ok = watch.accepts(x.getRequestHeaders().getFirst("X-Goog-Channel-ID"),
                    x.getRequestHeaders().getFirst("X-Goog-Channel-Token"));
            received.add(ok);
            x.sendResponseHeaders(ok ? 200 : 403, -1);
            x.close();
        });
        ours.start();
        URI base = URI.create("http://127.0.0.1:" + ours.getAddress().getPort());
        watch = new GoogleCalendarWatch(api, fx.database().dsl(), fx.clock(),
                GoogleCalendarSync.notifyAddress(base), new GoogleCalendarHealth());
    }

    @AfterEach
    void stop() {
        ours.stop(0);
        google.close();
        fx.close();
    }

    @Test
    void aChannelIsOpenedOnceAndItsNotificationsPassTheTokenCheck() throws Exception {
        GoogleCalendarWatch.WatchChannel channel = watch.renewIfDue().orElseThrow();

        assertThat(channel.address()).endsWith("/google/calendar/notify");
        assertThat(channel.expiresAt()).isEqualTo(fx.clock().instant().plus(Duration.ofDays(7)));
        assertThat(watch.renewIfDue()).as("still good").isEmpty();
        assertThat(google.openChannels()).containsExactly(channel.id());

        google.ownerAdds("dentist", fx.clock().instant().plus(Duration.ofDays(1)),
                fx.clock().instant().plus(Duration.ofDays(1)).plusSeconds(3600), false);
        waitFor(() -> received.size() >= 1);
        assertThat(google.notificationAnswers()).as("the sync message and the change").containsOnly(200);
        assertThat(received).as("the change notification passed the token check").containsExactly(true);
    }

    @Test
    void aForgedTokenOrAnotherChannelIsRefused() {
        GoogleCalendarWatch.WatchChannel channel = watch.renewIfDue().orElseThrow();

        assertThat(watch.accepts(channel.id(), channel.token())).isTrue();
        assertThat(watch.accepts(channel.id(), channel.token().substring(1) + "0")).isFalse();
        assertThat(watch.accepts(channel.id(), "")).isFalse();
        assertThat(watch.accepts(channel.id(), null)).isFalse();
        assertThat(watch.accepts("another-channel", channel.token())).isFalse();
        assertThat(channel.toString()).doesNotContain(channel.token());
    }

    @Test
    void theChannelIsRenewedBeforeItExpiresAndTheOldOneStopped() {
        GoogleCalendarWatch.WatchChannel first = watch.renewIfDue().orElseThrow();

        fx.clock().advance(Duration.ofDays(7).minus(GoogleCalendarWatch.RENEW_BEFORE).minusMinutes(1));
        assertThat(watch.renewIfDue()).as("not yet due").isEmpty();
        fx.clock().advance(Duration.ofMinutes(2));
        GoogleCalendarWatch.WatchChannel second = watch.renewIfDue().orElseThrow();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(google.stoppedChannels()).containsExactly(first.id());
        assertThat(google.openChannels()).containsExactly(second.id());
        assertThat(watch.accepts(first.id(), first.token())).as("the old channel's token no longer works").isFalse();
        assertThat(watch.accepts(second.id(), second.token())).isTrue();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}

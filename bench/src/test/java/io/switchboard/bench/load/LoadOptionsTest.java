package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsTargetALocalServerWithTheDocumentedLevels() {
        LoadOptions o = LoadOptions.parse(new String[0]);

        assertThat(o.mediaUrl()).hasToString("ws://127.0.0.1:8081/media");
        assertThat(o.httpUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(o.callers()).containsExactly(1, 4, 8, 12, 16, 20);
        assertThat(o.callsAt(4)).isEqualTo(4);
        assertThat(o.out()).isEqualTo(Path.of("bench", "target", "load"));
        assertThat(o.serverPid()).isEmpty();
    }

    @Test
    void optionsAreRead() {
        LoadOptions o = LoadOptions.parse(new String[]{"--callers", "1, 3", "--calls-per-level", "5", "--max-seconds",
                "120", "--server-pid", "99", "--bookings-from", "2026-12-01", "--out", "/tmp/x"});

        assertThat(o.callers()).containsExactly(1, 3);
        assertThat(o.callsAt(1)).isEqualTo(5);
        assertThat(o.callsAt(8)).isEqualTo(8);
        assertThat(o.maxTime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.serverPid()).hasValue(99);
        assertThat(o.bookingsFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void unboundedOrMalformedRunsAreRefused() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--callers", "1000"})).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--max-seconds", "999999"}))
                .hasMessageContaining("--max-seconds");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--callers", "two"})).hasMessageContaining("--callers");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--frobnicate", "1"})).hasMessageContaining("unknown");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--callers"})).hasMessageContaining("needs a value");
    }
}

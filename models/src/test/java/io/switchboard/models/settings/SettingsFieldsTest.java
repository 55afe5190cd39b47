package io.switchboard.models.settings;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One part read field by field: every bad key of it in the one error, the fields after a bad one still read. */
class SettingsFieldsTest {

    @Test
    void aBadFieldTakesItsFallbackAndTheFieldsAfterItAreStillRead() {
        SettingsFields fields = new SettingsFields();

        int port = fields.read("SWITCHBOARD_X_PORT", 8080, () -> {
            throw new IllegalArgumentException("SWITCHBOARD_X_PORT must be a number, was 'many'");
        });
        String host = fields.read("SWITCHBOARD_X_HOST", "0.0.0.0", () -> "example.org");

        assertThat(port).isEqualTo(8080);
        assertThat(host).isEqualTo("example.org");
        assertThat(fields.clean()).isFalse();
    }

    @Test
    void everyBadKeyAndEveryCrossFieldProblemIsInTheOneError() {
        SettingsFields fields = new SettingsFields();
        fields.read("SWITCHBOARD_X_A", 0, () -> {
            throw new SettingsException("SWITCHBOARD_X_A", "not a number");
        });
        fields.read("SWITCHBOARD_X_*", 0, () -> {
            throw new IllegalStateException("no key at the start of this message");
        });
        fields.add("SWITCHBOARD_X_B", "needs SWITCHBOARD_X_C");

        assertThatThrownBy(fields::check).isInstanceOfSatisfying(SettingsException.class, e -> {
            assertThat(e.problems()).containsExactly(new SettingsProblem("SWITCHBOARD_X_A", "not a number"),
                    new SettingsProblem("SWITCHBOARD_X_*", "no key at the start of this message"),
                    new SettingsProblem("SWITCHBOARD_X_B", "needs SWITCHBOARD_X_C"));
            assertThat(e.getMessage()).startsWith("3 settings are unusable:");
        });
    }

    @Test
    void aSingleBadFieldFailsWithItsOwnException() {
        SettingsFields fields = new SettingsFields();
        IllegalStateException own = new IllegalStateException("SWITCHBOARD_X_A: not a number");
        fields.read("SWITCHBOARD_X_A", 0, () -> {
            throw own;
        });
        fields.read("SWITCHBOARD_X_B", 0, () -> 2);

        assertThatThrownBy(fields::check).isSameAs(own);
    }

    @Test
    void nothingBadIsNoError() {
        SettingsFields fields = new SettingsFields();
        fields.read("SWITCHBOARD_X_A", 0, () -> 1);

        assertThat(fields.clean()).isTrue();
        fields.check();
    }

    @Test
    void theDataDirectoryDefaultsToDataAndKeepsWhatIsUnderIt() {
        assertThat(DataDir.from(SettingsSource.empty())).isEqualTo(DataDir.DEFAULT);
        assertThat(DataDir.DEFAULT.resolve("cache")).isEqualTo(Path.of("data", "cache"));
        DataDir configured = DataDir.from(SettingsSource.of(Map.of(DataDir.VARIABLE, " /srv/sb ")));
        assertThat(configured.path()).isEqualTo(Path.of("/srv/sb"));
        assertThat(configured.resolve("inbox-spool")).isEqualTo(Path.of("/srv/sb/inbox-spool"));
        assertThatThrownBy(() -> DataDir.from(SettingsSource.of(Map.of(DataDir.VARIABLE, "bad\0path"))))
                .isInstanceOfSatisfying(SettingsException.class,
                        e -> assertThat(e.key()).isEqualTo(DataDir.VARIABLE));
    }
}

package io.switchboard.models.settings;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsProblemsTest {

    @Test
    void theEnvironmentWinsOverTheFileAndNullsAreUnset() {
        Map<String, String> env = new HashMap<>();
        env.put("A_B", " from-env ");
        env.put("C_D", null);
        SettingsSource source = SettingsSource.of(env).over(SettingsSource.of(Map.of("A_B", "file", "C_D", "file-c")));

        assertThat(source.get("A_B")).isEqualTo(" from-env ");
        assertThat(source.value("A_B")).contains("from-env");
        assertThat(source.get("C_D")).isEqualTo("file-c");
        assertThat(source.getOrDefault("E_F", "fallback")).isEqualTo("fallback");
        assertThat(source.keys()).containsExactlyInAnyOrder("A_B", "C_D");
        assertThat(SettingsSource.of(Map.of("X_Y", " ")).isSet("X_Y")).isFalse();
    }

    @Test
    void everyPartIsReadAndEveryProblemListed() {
        SettingsProblems problems = new SettingsProblems(SettingsSource.of(Map.of("SOME_PORT", "x")));
        Integer first = problems.read("SOME_PORT", s -> {
            throw new IllegalArgumentException("SOME_PORT must be a port number");
        });
        String second = problems.read("OTHER_PART_*", s -> {
            throw new IllegalStateException("SMS is partly configured; missing X_Y");
        });
        String third = problems.read("THIRD_KEY", s -> "fine");

        assertThat(first).isNull();
        assertThat(second).isNull();
        assertThat(third).isEqualTo("fine");
        assertThat(problems.problems()).containsExactly(
                new SettingsProblem("SOME_PORT", "must be a port number"),
                new SettingsProblem("OTHER_PART_*", "SMS is partly configured; missing X_Y"));
        assertThatThrownBy(problems::check)
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessage("2 settings are unusable:\n  SOME_PORT: must be a port number\n"
                        + "  OTHER_PART_*: SMS is partly configured; missing X_Y");
    }

    @Test
    void aSingleProblemReadsKeyColonProblem() {
        assertThat(new SettingsException("A_B", "is wrong")).hasMessage("A_B: is wrong");
    }

    @Test
    void secretsAreNeverRepeated() {
        SettingsSource source = SettingsSource.of(Map.of(
                "TWILIO_AUTH_TOKEN", "tok-12345",
                "SLACK_SIGNING_SECRET", "s3cr3t-value",
                "OPENAI_API_KEY", "sk-abcdef",
                "REDIS_URL", "redis://:hunter2@localhost:6379"));
        SettingsProblems problems = new SettingsProblems(source);
        problems.read("TWILIO_AUTH_TOKEN", s -> {
            throw new IllegalArgumentException("TWILIO_AUTH_TOKEN 'tok-12345' and 's3cr3t-value' and sk-abcdef");
        });
        problems.read("REDIS_URL", s -> {
            throw new IllegalArgumentException("REDIS_URL: 'redis://:hunter2@localhost:6379' is not usable");
        });

        assertThatThrownBy(problems::check).satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("tok-12345", "s3cr3t-value", "sk-abcdef", "hunter2")
                .contains("TWILIO_AUTH_TOKEN", "REDIS_URL", "***"));
    }

    @Test
    void secretNames() {
        assertThat(SettingsProblems.isSecret("TWILIO_AUTH_TOKEN")).isTrue();
        assertThat(SettingsProblems.isSecret("CALCOM_API_KEY")).isTrue();
        assertThat(SettingsProblems.isSecret("WHATSAPP_APP_SECRET")).isTrue();
        assertThat(SettingsProblems.isSecret("DATABASE_URL")).isTrue();
        assertThat(SettingsProblems.isSecret("SWITCHBOARD_HTTP_PORT")).isFalse();
        assertThat(SettingsProblems.isSecret("TWILIO_ACCOUNT_SID")).isFalse();
    }
}

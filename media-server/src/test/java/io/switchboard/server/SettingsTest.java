package io.switchboard.server;

import io.switchboard.dialog.llm.LlmProvider;
import io.switchboard.media.call.CallLimits;
import io.switchboard.media.stt.SttEngine;
import io.switchboard.models.settings.SettingsProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings tree: defaults, every documented variable into its field, every bad key at once, no secret echoed. */
class SettingsTest {

    @Test
    void nothingSetGivesTheDocumentedDefaults() {
        Settings s = Settings.load(Map.of());

        assertThat(s.server().httpHost()).isEqualTo("0.0.0.0");
        assertThat(s.server().httpPort()).isEqualTo(8080);
        assertThat(s.server().dataDir()).isEqualTo(Path.of("data"));
        assertThat(s.server().databaseUrl()).isEmpty();
        assertThat(s.server().sessionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.sessions().redisUrl()).isEmpty();
        assertThat(s.sessions().maxSessions()).isEqualTo(10_000);
        assertThat(s.llm()).isEmpty();
        assertThat(s.embeddings().enabled()).isTrue();
        assertThat(s.embeddings().nativeCacheDir(Path.of("data"))).isEqualTo(Path.of("data", "native"));
        assertThat(s.voice().stt().engine()).isEqualTo(SttEngine.VOSK);
        assertThat(s.voice().stt().poolSize()).isEqualTo(4);
        assertThat(s.voice().calls().vad().hangoverMillis()).isEqualTo(550);
        assertThat(s.voice().calls().repromptAfter()).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.voice().media().host()).isEqualTo("0.0.0.0");
        assertThat(s.voice().media().port()).isEqualTo(8081);
        assertThat(s.voice().media().startTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.voice().maxCalls()).isEqualTo(CallLimits.defaultMaxCalls());
        assertThat(s.voice().twilio()).isEmpty();
        assertThat(s.voice().verify()).isTrue();
        assertThat(s.voice().transfer()).isEmpty();
        assertThat(s.voice().softphone().configured()).isEmpty();
        assertThat(s.text().channels().sms()).isEmpty();
        assertThat(s.text().channels().whatsApp()).isEmpty();
        assertThat(s.text().webhooks().answerWithin()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.text().ownerAlerts().minGap()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.text().codes().countries()).isEmpty();
        assertThat(s.text().codes().dailyCap()).isEqualTo(100);
        assertThat(s.security().adminToken()).isEmpty();
        assertThat(s.security().origins().allowed()).isEmpty();
        assertThat(s.security().sharedLimits()).isTrue();
        assertThat(s.httpTimeouts().idle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.httpTimeouts().request()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.metrics()).isPresent();
        assertThat(s.calendar().calcom()).isEmpty();
        assertThat(s.calendar().google()).isEmpty();
        assertThat(s.calendar().webhook()).isEmpty();
        assertThat(s.calendar().icsToken()).isEmpty();
        assertThat(s.reminders().orElseThrow().sendAt()).isEqualTo(LocalTime.of(18, 0));
        assertThat(s.backups()).isEmpty();
        assertThat(s.callLog().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(s.callLog().logTranscripts()).isFalse();
        assertThat(s.callLog().summarySms()).isFalse();
        assertThat(s.retention().messages()).isEqualTo(Duration.ofDays(7));
        assertThat(s.retention().customers()).isEqualTo(Duration.ofDays(365));
        assertThat(s.slack()).isEmpty();
        assertThat(s.rebindBusiness()).isFalse();
        assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void everyDocumentedVariableReachesItsField(@TempDir Path dir) throws IOException {
        Path credentials = Files.writeString(dir.resolve("google.json"), "{}");
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHBOARD_BUSINESS", "/etc/switchboard/acme.yaml");
        env.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
        env.put("SWITCHBOARD_HTTP_PORT", "9090");
        env.put("SWITCHBOARD_MEDIA_HOST", "127.0.0.2");
        env.put("SWITCHBOARD_MEDIA_PORT", "9091");
        env.put("SWITCHBOARD_NOW", "2026-11-23T09:00");
        env.put("SWITCHBOARD_DATA_DIR", "/var/lib/sb");
        env.put("DATABASE_URL", "postgres://sb:pw@db:5432/sb");
        env.put("REDIS_URL", "redis://cache:6379/0");
        env.put("SWITCHBOARD_SESSION_TIMEOUT", "20m");
        env.put("SWITCHBOARD_MAX_SESSIONS", "50");
        env.put("SWITCHBOARD_PUBLIC_URL", "https://sb.example");
        env.put("SWITCHBOARD_MEDIA_URL", "wss://media.example/media");
        env.put("TWILIO_AUTH_TOKEN", "twilio-token-123");
        env.put("SWITCHBOARD_TWILIO_VERIFY", "true");
        env.put("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef");
        env.put("TWILIO_FROM_NUMBER", "+441174960000");
        env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:9");
        env.put("WHATSAPP_APP_SECRET", "wa-secret");
        env.put("WHATSAPP_VERIFY_TOKEN", "wa-verify");
        env.put("WHATSAPP_ACCESS_TOKEN", "wa-access");
        env.put("WHATSAPP_PHONE_NUMBER_ID", "12345");
        env.put("WHATSAPP_GRAPH_BASE_URL", "http://127.0.0.1:8");
        env.put("WHATSAPP_API_VERSION", "v99.0");
        env.put("SWITCHBOARD_WEBHOOK_TIMEOUT", "5s");
        env.put("SWITCHBOARD_SHUTDOWN_TIMEOUT", "30s");
        env.put("SWITCHBOARD_HTTP_IDLE_TIMEOUT", "45s");
        env.put("SWITCHBOARD_HTTP_REQUEST_TIMEOUT", "7s");
        env.put("SWITCHBOARD_MEDIA_START_TIMEOUT", "3s");
        env.put("SWITCHBOARD_MAX_CALLS", "3");
        env.put("SWITCHBOARD_METRICS", "off");
        env.put("SWITCHBOARD_STT_ENGINE", "whisper");
        env.put("SWITCHBOARD_WHISPER_MODEL", "/models/ggml.bin");
        env.put("SWITCHBOARD_STT_POOL", "2");
        env.put("SWITCHBOARD_VAD_HANGOVER_MS", "700");
        env.put("SWITCHBOARD_REPROMPT_SECONDS", "12");
        env.put("SWITCHBOARD_LLM_PROVIDER", "anthropic");
        env.put("ANTHROPIC_API_KEY", "ant-key");
        env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:7");
        env.put("SWITCHBOARD_LLM_MODEL", "claude-test");
        env.put("SWITCHBOARD_LLM_TIMEOUT_MS", "1500");
        env.put("SWITCHBOARD_ADMIN_TOKEN", "admin-token-0123456789abcdef");
        env.put("SWITCHBOARD_WEB_ORIGINS", "https://www.example.com");
        env.put("SWITCHBOARD_RATE_LIMIT_STORE", "memory");
        env.put("SWITCHBOARD_OWNER_ALERT_GAP", "90s");
        env.put("SWITCHBOARD_REBIND_BUSINESS", "true");
        env.put("SWITCHBOARD_CALL_LOG_RETENTION", "10d");
        env.put("SWITCHBOARD_LOG_TRANSCRIPTS", "true");
        env.put("SWITCHBOARD_CALL_SUMMARY_SMS", "true");
        env.put("SWITCHBOARD_GOOGLE_CREDENTIALS", credentials.toString());
        env.put("SWITCHBOARD_GOOGLE_CALENDAR_ID", "owner@example.com");
        env.put("SWITCHBOARD_GOOGLE_API_URL", "http://127.0.0.1:6/");
        env.put("SWITCHBOARD_GOOGLE_SYNC_SECONDS", "120");
        env.put("SWITCHBOARD_BACKUP_DIR", "/backups");
        env.put("SWITCHBOARD_BACKUP_EVERY_HOURS", "6");
        env.put("SWITCHBOARD_BACKUP_KEEP", "3");
        env.put("SWITCHBOARD_SMS_COUNTRIES", "GB,IE");
        env.put("SWITCHBOARD_CODE_DAILY_CAP", "25");
        env.put("SWITCHBOARD_RETENTION_MESSAGES", "48h");
        env.put("SWITCHBOARD_RETENTION_CUSTOMERS", "30d");
        env.put("SWITCHBOARD_TRANSFER_NUMBER", "+44 117 496 0001");
        env.put("SWITCHBOARD_NATIVE_CACHE_DIR", "/cache/native");
        env.put("SWITCHBOARD_EMBEDDINGS", "off");
        env.put("SWITCHBOARD_REMINDER_TIME", "19:30");
        env.put("SWITCHBOARD_ICS_TOKEN", "0123456789abcdef0123456789abcdef");
        env.put("SWITCHBOARD_SOFTPHONE_URL", "wss://phone.example/media/softphone");
        env.put("SLACK_BOT_TOKEN", "xoxb-bot");
        env.put("SLACK_SIGNING_SECRET", "slack-signing");
        env.put("SLACK_APP_TOKEN", "xapp-app");
        env.put("SLACK_API_URL", "http://127.0.0.1:5/api/");
        env.put("SLACK_STAFF_CHANNEL", "C0STAFF");

        Settings s = Settings.load(env);

        assertThat(s.server().businessProfile()).contains(Path.of("/etc/switchboard/acme.yaml"));
        assertThat(s.server().httpHost()).isEqualTo("127.0.0.1");
        assertThat(s.server().httpPort()).isEqualTo(9090);
        assertThat(s.server().now()).contains(LocalDateTime.of(2026, 11, 23, 9, 0));
        assertThat(s.server().dataDir()).isEqualTo(Path.of("/var/lib/sb"));
        assertThat(s.server().databaseSettings().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/sb");
        assertThat(s.server().sessionTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.sessions().redisUrl()).contains("redis://cache:6379/0");
        assertThat(s.sessions().maxSessions()).isEqualTo(50);
        assertThat(s.voice().media().host()).isEqualTo("127.0.0.2");
        assertThat(s.voice().media().port()).isEqualTo(9091);
        assertThat(s.voice().media().startTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.voice().twilio().orElseThrow().publicBaseUrl()).isEqualTo(URI.create("https://sb.example"));
        assertThat(s.voice().twilio().orElseThrow().mediaStreamUrl())
                .isEqualTo(URI.create("wss://media.example/media"));
        assertThat(s.voice().twilio().orElseThrow().authToken()).isEqualTo("twilio-token-123");
        assertThat(s.voice().verify()).isTrue();
        assertThat(s.voice().maxCalls()).isEqualTo(3);
        assertThat(s.voice().stt().engine()).isEqualTo(SttEngine.WHISPER);
        assertThat(s.voice().stt().whisperModelPath()).isEqualTo(Path.of("/models/ggml.bin"));
        assertThat(s.voice().stt().poolSize()).isEqualTo(2);
        assertThat(s.voice().stt().cacheRoot()).isEqualTo(Path.of("/var/lib/sb", "cache"));
        assertThat(s.text().webhooks().spoolDir()).as("the one data directory, handed to every part that keeps files")
                .isEqualTo(Path.of("/var/lib/sb", "inbox-spool"));
        assertThat(s.voice().calls().vad().hangoverMillis()).isEqualTo(700);
        assertThat(s.voice().calls().repromptAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(s.voice().transfer().orElseThrow().number()).isEqualTo("+441174960001");
        assertThat(s.voice().softphone().configured()).contains("wss://phone.example/media/softphone");
        var sms = s.text().channels().sms().orElseThrow();
        assertThat(sms.accountSid()).isEqualTo("AC0123456789abcdef0123456789abcdef");
        assertThat(sms.from()).isEqualTo("+441174960000");
        assertThat(sms.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        var whatsApp = s.text().channels().whatsApp().orElseThrow();
        assertThat(whatsApp.phoneNumberId()).isEqualTo("12345");
        assertThat(whatsApp.apiVersion()).isEqualTo("v99.0");
        assertThat(whatsApp.graphBaseUrl().toString()).startsWith("http://127.0.0.1:8");
        assertThat(s.text().webhooks().answerWithin()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.text().ownerAlerts().minGap()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.text().codes().countries()).containsExactly("GB", "IE");
        assertThat(s.text().codes().dailyCap()).isEqualTo(25);
        assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.httpTimeouts().idle()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.httpTimeouts().request()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.metrics()).isEmpty();
        var llm = s.llm().orElseThrow();
        assertThat(llm.provider()).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(llm.apiKey()).isEqualTo("ant-key");
        assertThat(llm.baseUrl()).isEqualTo("http://127.0.0.1:7");
        assertThat(llm.modelName()).isEqualTo("claude-test");
        assertThat(llm.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.security().adminToken()).contains("admin-token-0123456789abcdef");
        assertThat(s.security().origins().allowed()).containsExactly("https://www.example.com");
        assertThat(s.security().sharedLimits()).isFalse();
        assertThat(s.rebindBusiness()).isTrue();
        assertThat(s.callLog().retention()).isEqualTo(Duration.ofDays(10));
        assertThat(s.callLog().logTranscripts()).isTrue();
        assertThat(s.callLog().summarySms()).isTrue();
        var google = s.calendar().google().orElseThrow();
        assertThat(google.credentials()).isEqualTo(credentials);
        assertThat(google.calendarId()).isEqualTo("owner@example.com");
        assertThat(google.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:6/"));
        assertThat(google.syncEvery()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.calendar().publicUrl()).contains(URI.create("https://sb.example"));
        assertThat(s.calendar().icsToken()).contains("0123456789abcdef0123456789abcdef");
        var backups = s.backups().orElseThrow();
        assertThat(backups.dir()).isEqualTo(Path.of("/backups"));
        assertThat(backups.every()).isEqualTo(Duration.ofHours(6));
        assertThat(backups.keep()).isEqualTo(3);
        assertThat(s.retention().messages()).isEqualTo(Duration.ofHours(48));
        assertThat(s.retention().customers()).isEqualTo(Duration.ofDays(30));
        assertThat(s.embeddings().enabled()).isFalse();
        assertThat(s.embeddings().nativeCacheDir(Path.of("ignored"))).isEqualTo(Path.of("/cache/native"));
        assertThat(s.reminders().orElseThrow().sendAt()).isEqualTo(LocalTime.of(19, 30));
        var slack = s.slack().orElseThrow();
        assertThat(slack.botToken()).isEqualTo("xoxb-bot");
        assertThat(slack.signingSecret()).isEqualTo("slack-signing");
        assertThat(slack.appToken()).contains("xapp-app");
        assertThat(slack.apiUrl()).isEqualTo("http://127.0.0.1:5/api/");
        assertThat(slack.staffChannel()).contains("C0STAFF");
        // What is logged at start-up names no secret.
        assertThat(s.toString()).doesNotContain("twilio-token-123", "ant-key", "admin-token", "wa-secret",
                "xoxb-bot", "slack-signing", "0123456789abcdef0123456789abcdef", ":pw@");
    }

    @Test
    void calComAndTheWebhookMirrorReachTheirFields() {
        Settings s = Settings.load(Map.of("SWITCHBOARD_CALENDAR", "calcom", "CALCOM_API_KEY", "cal_live_x",
                "CALCOM_EVENT_TYPE_IDS", "drain-cleaning=12", "CALCOM_API_URL", "http://127.0.0.1:4",
                "CALCOM_WEBHOOK_SECRET", "cal-hook"));
        var calcom = s.calendar().calcom().orElseThrow();
        assertThat(calcom.eventTypes()).containsEntry("drain-cleaning", 12L);
        assertThat(calcom.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:4"));
        assertThat(calcom.webhookSecret()).isEqualTo("cal-hook");

        Settings mirror = Settings.load(Map.of("SWITCHBOARD_CALENDAR_WEBHOOK_URL", "https://hooks.example/cal",
                "SWITCHBOARD_CALENDAR_WEBHOOK_SECRET", "hook-secret"));
        assertThat(mirror.calendar().webhook().orElseThrow().webhook()).isEqualTo(URI.create("https://hooks.example/cal"));
        assertThat(mirror.calendar().webhook().orElseThrow().secret()).contains("hook-secret");
    }

    @Test
    void everyBadKeyIsListedInOneError() {
        Map<String, String> env = Map.of(
                "SWITCHBOARD_HTTP_PORT", "eighty",
                "SWITCHBOARD_SESSION_TIMEOUT", "soon",
                "SWITCHBOARD_MAX_SESSIONS", "none",
                "SWITCHBOARD_STT_POOL", "many",
                "SWITCHBOARD_METRICS", "public",
                "SWITCHBOARD_REMINDER_TIME", "late",
                "SWITCHBOARD_BACKUP_DIR", "/b",
                "SWITCHBOARD_BACKUP_KEEP", "0",
                "SWITCHBOARD_CODE_DAILY_CAP", "0",
                "SWITCHBOARD_SHUTDOWN_TIMEOUT", "never");

        assertThatThrownBy(() -> Settings.load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key)
                        .containsExactlyInAnyOrder("SWITCHBOARD_HTTP_PORT", "SWITCHBOARD_SESSION_TIMEOUT",
                                "SWITCHBOARD_MAX_SESSIONS", "SWITCHBOARD_STT_POOL", "SWITCHBOARD_METRICS",
                                "SWITCHBOARD_REMINDER_TIME", "SWITCHBOARD_BACKUP_KEEP", "SWITCHBOARD_CODE_DAILY_CAP",
                                "SWITCHBOARD_SHUTDOWN_TIMEOUT"))
                .hasMessageStartingWith("9 settings are unusable:")
                .hasMessageContaining("\n  SWITCHBOARD_HTTP_PORT: 'eighty' is not a port number");
    }

    @Test
    void keysOfOnePartThatDependOnEachOtherAreAllListedInTheOneError() {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHBOARD_DATA_DIR", "bad\0dir");
        env.put("REDIS_URL", "http://cache");
        env.put("SWITCHBOARD_MAX_SESSIONS", "none");
        env.put("SWITCHBOARD_STT_ENGINE", "whisper");
        env.put("SWITCHBOARD_STT_POOL", "0");
        env.put("SWITCHBOARD_STT_WORKERS", "lots");
        env.put("SWITCHBOARD_MEDIA_PORT", "x");
        env.put("SWITCHBOARD_MEDIA_START_TIMEOUT", "later");
        env.put("SWITCHBOARD_VAD_HANGOVER_MS", "1");
        env.put("SWITCHBOARD_REPROMPT_SECONDS", "never");
        env.put("SWITCHBOARD_CALENDAR", "calcom");
        env.put("CALCOM_EVENT_TYPE_IDS", "drain-cleaning=abc");
        env.put("SWITCHBOARD_BACKUP_DIR", "/b");
        env.put("SWITCHBOARD_BACKUP_EVERY_HOURS", "0");
        env.put("SWITCHBOARD_BACKUP_KEEP", "none");
        env.put("SWITCHBOARD_CALL_LOG_RETENTION", "a month");
        env.put("SWITCHBOARD_LOG_TRANSCRIPTS", "maybe");
        env.put("SWITCHBOARD_RETENTION_MESSAGES", "ever");
        env.put("SWITCHBOARD_RETENTION_CUSTOMERS", "ever");
        env.put("SWITCHBOARD_ADMIN_TOKEN", "short");
        env.put("SWITCHBOARD_RATE_LIMIT_STORE", "redis");
        env.put("SWITCHBOARD_SMS_COUNTRIES", "XX");
        env.put("SWITCHBOARD_CODE_DAILY_CAP", "0");
        env.put("SWITCHBOARD_EMBEDDINGS", "maybe");
        env.put("SWITCHBOARD_NATIVE_CACHE_DIR", "bad\0dir");

        assertThatThrownBy(() -> Settings.load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key)
                        .containsExactlyInAnyOrder("SWITCHBOARD_DATA_DIR", "REDIS_URL", "SWITCHBOARD_MAX_SESSIONS",
                                "SWITCHBOARD_WHISPER_MODEL", "SWITCHBOARD_STT_POOL", "SWITCHBOARD_STT_WORKERS",
                                "SWITCHBOARD_MEDIA_PORT", "SWITCHBOARD_MEDIA_START_TIMEOUT",
                                "SWITCHBOARD_VAD_HANGOVER_MS", "SWITCHBOARD_REPROMPT_SECONDS", "CALCOM_API_KEY",
                                "CALCOM_EVENT_TYPE_IDS", "SWITCHBOARD_BACKUP_EVERY_HOURS", "SWITCHBOARD_BACKUP_KEEP",
                                "SWITCHBOARD_CALL_LOG_RETENTION", "SWITCHBOARD_LOG_TRANSCRIPTS",
                                "SWITCHBOARD_RETENTION_MESSAGES", "SWITCHBOARD_RETENTION_CUSTOMERS",
                                "SWITCHBOARD_ADMIN_TOKEN", "SWITCHBOARD_RATE_LIMIT_STORE", "SWITCHBOARD_SMS_COUNTRIES",
                                "SWITCHBOARD_CODE_DAILY_CAP", "SWITCHBOARD_EMBEDDINGS",
                                "SWITCHBOARD_NATIVE_CACHE_DIR"));
    }

    @Test
    void calendarsThatWouldShareTheOutboxAreRefused() {
        assertThatThrownBy(() -> Settings.load(Map.of("SWITCHBOARD_CALENDAR", "calcom", "CALCOM_API_KEY", "k",
                "CALCOM_EVENT_TYPE_IDS", "drain-cleaning=1",
                "SWITCHBOARD_CALENDAR_WEBHOOK_URL", "https://hooks.example/cal")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SWITCHBOARD_CALENDAR: calcom takes the calendar outbox");
    }

    @Test
    void secretsAreNeverRepeatedInTheError() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "mysql://sb:db-password@db/sb");
        env.put("REDIS_URL", "http://user:redis-password@cache");
        env.put("SWITCHBOARD_ADMIN_TOKEN", "short");
        env.put("SWITCHBOARD_ICS_TOKEN", "too-short-feed");
        env.put("SWITCHBOARD_CALENDAR", "calcom");
        env.put("CALCOM_API_KEY", "cal_live_secret");
        env.put("TWILIO_AUTH_TOKEN", "twilio-secret-token");
        env.put("SWITCHBOARD_TRANSFER_NUMBER", "+441174960001");
        env.put("SWITCHBOARD_LLM_TIMEOUT_MS", "twilio-secret-token");
        env.put("OPENAI_API_KEY", "sk-openai-secret");

        assertThatThrownBy(() -> Settings.load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key)
                        .contains("DATABASE_URL", "REDIS_URL", "SWITCHBOARD_ADMIN_TOKEN", "SWITCHBOARD_ICS_TOKEN",
                                "CALCOM_EVENT_TYPE_IDS", "SWITCHBOARD_TRANSFER_NUMBER", "SWITCHBOARD_LLM_TIMEOUT_MS"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("db-password", "redis-password",
                        "'short'", "too-short-feed", "cal_live_secret", "twilio-secret-token", "sk-openai-secret"));
    }

    @Test
    void theFileSuppliesWhatTheEnvironmentDoesNotAndItsBadValuesAreListedToo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("switchboard.yaml"), """
                SWITCHBOARD_MAX_SESSIONS: 77
                REDIS_URL: redis://from-file:6379
                SWITCHBOARD_STT_POOL: lots
                """);

        Settings s = Settings.load(Map.of("SWITCHBOARD_CONFIG", file.toString(), "SWITCHBOARD_STT_POOL", "3"));
        assertThat(s.sessions().maxSessions()).isEqualTo(77);
        assertThat(s.sessions().redisUrl()).contains("redis://from-file:6379");
        assertThat(s.voice().stt().poolSize()).isEqualTo(3);

        assertThatThrownBy(() -> Settings.load(Map.of("SWITCHBOARD_CONFIG", file.toString(),
                "SWITCHBOARD_HTTP_PORT", "x")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(SettingsProblem::key)
                        .containsExactlyInAnyOrder("SWITCHBOARD_HTTP_PORT", "SWITCHBOARD_STT_POOL"));
    }

    @Test
    void theEmbeddingSwitchTakesOnOrOffOnly() {
        assertThat(Settings.load(Map.of("SWITCHBOARD_EMBEDDINGS", "OFF")).embeddings().enabled()).isFalse();
        assertThat(Settings.load(Map.of("SWITCHBOARD_EMBEDDINGS", "on")).embeddings().enabled()).isTrue();
        assertThatThrownBy(() -> Settings.load(Map.of("SWITCHBOARD_EMBEDDINGS", "maybe")))
                .hasMessageStartingWith("SWITCHBOARD_EMBEDDINGS: ");
    }

    @Test
    void onlyTheLauncherReadsTheProcessEnvironment() throws IOException {
        List<Path> readers;
        Path main = Path.of("src/main/java");
        try (var files = Files.walk(main)) {
            readers = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("System.getenv");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(readers).extracting(p -> p.getFileName().toString()).isEqualTo(List.of("Main.java"));
    }
}

package io.switchboard.server;

import io.switchboard.dialog.knowledge.EmbeddingSettings;
import io.switchboard.dialog.llm.LlmConfig;
import io.switchboard.dialog.session.SessionSettings;
import io.switchboard.dialog.session.SessionStores;
import io.switchboard.media.call.CallLimits;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.server.MediaServerSettings;
import io.switchboard.media.stt.SttSettings;
import io.switchboard.models.settings.DataDir;
import io.switchboard.models.settings.SettingsProblems;
import io.switchboard.models.settings.SettingsSource;
import io.switchboard.scheduling.calendar.IcsFeed;
import io.switchboard.scheduling.calendar.calcom.CalcomSettings;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;
import io.switchboard.scheduling.identity.CodeSettings;
import io.switchboard.scheduling.reminder.ReminderSettings;
import io.switchboard.telephony.alerts.OwnerAlertSettings;
import io.switchboard.telephony.calllog.CallLogSettings;
import io.switchboard.telephony.http.ApiSecurity;
import io.switchboard.telephony.http.ApiSecuritySettings;
import io.switchboard.telephony.http.HttpTimeouts;
import io.switchboard.telephony.http.MetricsAccess;
import io.switchboard.telephony.messaging.MessagingConfig;
import io.switchboard.telephony.messaging.TextChannelSettings;
import io.switchboard.telephony.messaging.WebhookSettings;
import io.switchboard.telephony.privacy.RetentionSettings;
import io.switchboard.telephony.slack.SlackSettings;
import io.switchboard.telephony.voice.LiveTransferSettings;
import io.switchboard.telephony.voice.TwilioVoiceSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of a Switchboard server, parsed once at start-up from the environment over the optional YAML file
 * ({@code SWITCHBOARD_CONFIG}) and handed to the parts that need them; nothing reads the environment after this.
 * Each module owns the record for its part and that record's one parser; this tree only composes them (the module
 * order models ← scheduling ← dialog-engine ← telephony-adapters ← media-server lets only this module know them
 * all). Every part is read even after one fails, so a bad start-up names every bad variable at once.
 *
 * @param server          where to listen, data, database, clock, profile ({@link ServerConfig})
 * @param sessions        where conversations live ({@code REDIS_URL}, {@code SWITCHBOARD_MAX_SESSIONS})
 * @param llm             the LLM fallback, when a key is configured
 * @param embeddings      the on-box embedding model
 * @param voice           calls: recognition, media server, Twilio voice, transfers, the softphone
 * @param text            SMS and WhatsApp, their webhooks, owner alerts and one-time codes
 * @param security        the admin token, web origins and rate-limit store
 * @param httpTimeouts    HTTP idle and request timeouts
 * @param metrics         who may read {@code /metrics}; empty when it is off
 * @param calendar        Cal.com, Google Calendar, the webhook mirror and the iCalendar feed
 * @param reminders       day-before reminders; empty when off
 * @param backups         the server's own backups; empty when off
 * @param callLog         call log retention, transcripts, summaries
 * @param retention       how long messages and customers are kept
 * @param slack           the Slack channel; empty when off
 * @param rebindBusiness  whether a data dir's bookings may pass to a new profile's business
 * @param shutdownTimeout how long SIGTERM may take
 */
public record Settings(ServerConfig server, SessionSettings sessions, Optional<LlmConfig> llm,
                       EmbeddingSettings embeddings, VoiceServerSettings voice, TextChannelSettings text,
                       ApiSecuritySettings security, HttpTimeouts httpTimeouts, Optional<MetricsAccess> metrics,
                       CalendarSettings calendar, Optional<ReminderSettings> reminders,
                       Optional<BackupSettings> backups, CallLogSettings callLog, RetentionSettings retention,
                       Optional<SlackSettings> slack, boolean rebindBusiness, Duration shutdownTimeout) {

    public Settings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(httpTimeouts, "httpTimeouts");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(callLog, "callLog");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /**
     * Reads {@code environment} and the YAML file its {@code SWITCHBOARD_CONFIG} names (the environment wins). The
     * launcher passes the process environment; tests pass a map.
     *
     * @throws ConfigException naming every variable whose value is unusable (secrets' values never repeated)
     */
    public static Settings load(Map<String, String> environment) {
        return from(SettingsFile.withFile(environment));
    }

    /** @throws ConfigException naming every variable whose value is unusable */
    public static Settings from(SettingsSource source) {
        SettingsProblems problems = new SettingsProblems(source);
        // Read once, before the parts that keep files under it; a bad value is reported once, the parts go on.
        DataDir read = problems.read(DataDir.VARIABLE, DataDir::from);
        DataDir dataDir = read == null ? DataDir.DEFAULT : read;
        ServerConfig server = problems.read("SWITCHBOARD_*", s -> ServerConfig.from(s, dataDir));
        SessionSettings sessions = problems.read(SessionStores.REDIS_URL, SessionSettings::from);
        Optional<LlmConfig> llm = problems.read("SWITCHBOARD_LLM_*", LlmConfig::from);
        EmbeddingSettings embeddings = problems.read("SWITCHBOARD_EMBEDDINGS", EmbeddingSettings::from);
        VoiceServerSettings voice = voice(problems, dataDir);
        TextChannelSettings text = text(problems, dataDir);
        ApiSecuritySettings security = problems.read("SWITCHBOARD_ADMIN_TOKEN / SWITCHBOARD_WEB_ORIGINS",
                ApiSecuritySettings::from);
        HttpTimeouts httpTimeouts = problems.read("SWITCHBOARD_HTTP_*_TIMEOUT", HttpTimeouts::from);
        Optional<MetricsAccess> metrics = problems.read(MetricsAccess.VARIABLE, MetricsAccess::from);
        CalendarSettings calendar = calendar(problems);
        Optional<ReminderSettings> reminders = problems.read(ReminderSettings.TIME, ReminderSettings::from);
        Optional<BackupSettings> backups = problems.read("SWITCHBOARD_BACKUP_*", BackupSettings::from);
        CallLogSettings callLog = problems.read("SWITCHBOARD_CALL_LOG_*", CallLogSettings::from);
        RetentionSettings retention = problems.read("SWITCHBOARD_RETENTION_*", RetentionSettings::from);
        Optional<SlackSettings> slack = problems.read("SLACK_*", SlackSettings::from);
        Boolean rebind = problems.read(io.switchboard.scheduling.profile.BusinessMismatchException.REBIND_SETTING,
                RebindSetting::from);
        Duration shutdown = problems.read(Shutdown.TIMEOUT, Shutdown::timeoutFrom);
        try {
            problems.check();
        } catch (io.switchboard.models.settings.SettingsException e) {
            throw new ConfigException(e);
        }
        return new Settings(server, sessions, llm, embeddings, voice, text, security, httpTimeouts, metrics,
                calendar, reminders, backups, callLog, retention, slack, rebind, shutdown);
    }

    private static VoiceServerSettings voice(SettingsProblems problems, DataDir dataDir) {
        SttSettings stt = problems.read("SWITCHBOARD_STT_*", s -> SttSettings.from(s, dataDir));
        VoiceSettings calls = problems.read("SWITCHBOARD_VAD_HANGOVER_MS", VoiceSettings::from);
        MediaServerSettings media = problems.read("SWITCHBOARD_MEDIA_*", MediaServerSettings::from);
        Integer maxCalls = problems.read(CallLimits.MAX_CALLS, CallLimits::maxCalls);
        Boolean verify = problems.read("SWITCHBOARD_TWILIO_VERIFY", TwilioVoiceSettings::verifyFrom);
        Optional<TwilioVoiceSettings> twilio = problems.read("SWITCHBOARD_PUBLIC_URL / TWILIO_AUTH_TOKEN",
                s -> TwilioVoiceSettings.configured(s) ? Optional.of(TwilioVoiceSettings.from(s)) : Optional.empty());
        Optional<LiveTransferSettings> transfer = problems.read(LiveTransferSettings.TRANSFER_NUMBER,
                LiveTransferSettings::from);
        SoftphoneUrls softphone = problems.read(SoftphoneUrls.SOFTPHONE_URL, SoftphoneUrls::from);
        Path prompts = problems.read(VoiceServerSettings.PROMPT_CACHE_DIR, s -> {
            String dir = s.get(VoiceServerSettings.PROMPT_CACHE_DIR);
            return dir == null || dir.isBlank() ? SttSettings.cacheRoot(dataDir).resolve("prompts")
                    : Path.of(dir.strip());
        });
        if (stt == null || calls == null || media == null || maxCalls == null || verify == null || twilio == null
                || transfer == null || softphone == null || prompts == null) {
            return null; // reported
        }
        return new VoiceServerSettings(stt, calls, media, maxCalls, twilio, verify, transfer, softphone, prompts);
    }

    private static TextChannelSettings text(SettingsProblems problems, DataDir dataDir) {
        MessagingConfig channels = problems.read("TWILIO_* / WHATSAPP_*", MessagingConfig::from);
        WebhookSettings webhooks = problems.read(WebhookSettings.ANSWER_WITHIN,
                s -> WebhookSettings.from(s, dataDir));
        OwnerAlertSettings alerts = problems.read(OwnerAlertSettings.MIN_GAP, OwnerAlertSettings::from);
        CodeSettings codes = problems.read("SWITCHBOARD_SMS_COUNTRIES / SWITCHBOARD_CODE_DAILY_CAP", CodeSettings::from);
        if (channels == null || webhooks == null || alerts == null || codes == null) {
            return null; // reported
        }
        return new TextChannelSettings(channels, webhooks, alerts, codes);
    }

    private static CalendarSettings calendar(SettingsProblems problems) {
        Optional<CalcomSettings> calcom = problems.read("CALCOM_*", CalcomSettings::from);
        Optional<GoogleCalendarSettings> google = problems.read("SWITCHBOARD_GOOGLE_*", GoogleCalendarSettings::from);
        Optional<CalendarSyncSettings> webhook = problems.read(CalendarSyncSettings.WEBHOOK_URL,
                CalendarSyncSettings::from);
        Optional<String> ics = problems.read(IcsFeed.TOKEN, IcsFeed::tokenFrom);
        Optional<java.net.URI> publicUrl = problems.read(CalendarRoutes.PUBLIC_URL, CalendarRoutes::publicUrl);
        if (calcom == null || google == null || webhook == null || ics == null || publicUrl == null) {
            return null; // reported
        }
        // One relay per outbox: two calendars would split the changes between them.
        if (calcom.isPresent() && (google.isPresent() || webhook.isPresent())) {
            problems.add(CalcomSettings.CALENDAR, "calcom takes the calendar outbox; unset "
                    + (webhook.isPresent() ? CalendarSyncSettings.WEBHOOK_URL : GoogleCalendarSettings.CALENDAR_ID));
        } else if (google.isPresent() && webhook.isPresent()) {
            problems.add(CalendarSyncSettings.WEBHOOK_URL, "set either it or " + GoogleCalendarSettings.CALENDAR_ID
                    + ", not both");
        }
        return new CalendarSettings(calcom, google, webhook, ics, publicUrl);
    }

    /** Says what is on, never a secret. */
    @Override
    public String toString() {
        return "Settings[" + server + ", " + sessions + ", llm=" + llm.map(LlmConfig::toString).orElse("off")
                + ", twilioVoice=" + voice.twilio().isPresent() + ", sms=" + text.channels().sms().isPresent()
                + ", whatsApp=" + text.channels().whatsApp().isPresent() + ", " + calendar
                + ", slack=" + slack.isPresent() + "]";
    }
}

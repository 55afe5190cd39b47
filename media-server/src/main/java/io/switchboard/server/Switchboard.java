package io.switchboard.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.knowledge.OnBoxEmbeddings;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.llm.LlmFallbacks;
import io.switchboard.dialog.session.SessionStore;
import io.switchboard.dialog.session.SessionStores;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.CalendarRelay;
import io.switchboard.scheduling.calendar.CalendarSink;
import io.switchboard.scheduling.calendar.calcom.CalcomApi;
import io.switchboard.scheduling.calendar.calcom.CalcomBookings;
import io.switchboard.scheduling.calendar.calcom.CalcomCalendar;
import io.switchboard.scheduling.calendar.calcom.CalcomCancelSink;
import io.switchboard.scheduling.calendar.calcom.CalcomChanges;
import io.switchboard.scheduling.calendar.calcom.CalcomSettings;
import io.switchboard.scheduling.calendar.calcom.CalcomSetupException;
import io.switchboard.scheduling.calendar.calcom.CalcomSignature;
import io.switchboard.scheduling.calendar.calcom.CalcomWebhook;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSettings;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSetupException;
import io.switchboard.scheduling.calendar.google.GoogleCalendarSync;
import io.switchboard.scheduling.database.BackupSchedule;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.profile.BusinessBinding;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.profile.ProfileWarning;
import io.switchboard.scheduling.reminder.ReminderSettings;
import io.switchboard.telephony.messaging.DayBeforeReminders;
import io.switchboard.telephony.http.ApiSecurity;
import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.http.HttpSettings;
import io.switchboard.telephony.http.HttpTimeouts;
import io.switchboard.telephony.http.MetricsAccess;
import io.switchboard.telephony.http.MetricsEndpoint;
import io.switchboard.telephony.http.MissedCallsApi;
import io.switchboard.telephony.http.CallLogApi;
import io.switchboard.telephony.privacy.RetentionSchedule;
import io.switchboard.telephony.slack.SlackChannel;
import io.switchboard.telephony.privacy.RetentionSettings;
import io.switchboard.telephony.calllog.CallLogSettings;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.CallLogWriter;
import io.switchboard.telephony.calllog.CallSummary;
import io.switchboard.telephony.calllog.OwnerCallSummaries;
import io.switchboard.media.call.CallLogRecorder;
import io.switchboard.telephony.metrics.PrometheusMetrics;
import io.switchboard.telephony.http.CalcomWebhookRoute;
import io.switchboard.telephony.voice.BusyCallFollowUp;
import io.switchboard.telephony.voice.LiveTransferSettings;
import io.switchboard.telephony.voice.MissedCalls;
import io.switchboard.telephony.outbound.TwilioCallTransfer;
import io.switchboard.telephony.http.SwitchboardApi;
import io.switchboard.telephony.messaging.TextChannels;
import io.switchboard.telephony.voice.TwilioVoiceSettings;
import io.switchboard.telephony.voice.TwilioVoiceWebhook;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.call.CallLimits;
import io.switchboard.media.call.CallPrompts;
import io.switchboard.media.call.TurnLatencyMetrics;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.server.MediaServerSettings;
import io.switchboard.media.server.MediaWebSocketServer;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.SpeechRecognizers;
import io.switchboard.media.stt.SttSettings;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds and owns the running parts of a Switchboard server: profile, clock, database, scheduling, sessions, LLM
 * fallback, notifier, dialog engine and (once {@link #startHttp()} is called) the HTTP control plane. The launcher,
 * the terminal chat, tests and the voice server all start from here; {@link #close()} stops everything in reverse
 * order of creation.
 */
public final class Switchboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Switchboard.class);

    private final ServerConfig config;
    private final Clock clock;
    private final Scheduling scheduling;
    private final SessionStore sessions;
    private final DialogEngine engine;
    private final TextChannels text;
    private final PrometheusMetrics metrics;
    /** What to close, last created first. */
    private final Deque<Step> closers;
    private Vertx vertx;
    private ControlPlane http;
    private MediaWebSocketServer media;
    private VoiceCalls calls;
    private VoiceAuthentication voiceAuth;
    private volatile CalendarSink calendarSink;
    private GoogleCalendarSync googleCalendar;
    /** Cal.com as the calendar ({@code SWITCHBOARD_CALENDAR=calcom}), set once by {@link #open}. */
    private Optional<CalcomCalendar> calcom = Optional.empty();

    private Switchboard(ServerConfig config, Clock clock, Scheduling scheduling, SessionStore sessions,
                        DialogEngine engine, TextChannels text, PrometheusMetrics metrics, Deque<Step> closers) {
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.scheduling = scheduling;
        this.sessions = sessions;
        this.engine = engine;
        this.text = text;
        this.closers = closers;
    }

    /** Everything but HTTP, with the real receptionist (sessions expire after the configured timeout). */
    public static Switchboard open(ServerConfig config) {
        PrometheusMetrics metrics = PrometheusMetrics.create();
        return open(config, new EngineFactory() {
            @Override
            public DialogEngine create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier) {
                return create(scheduling, sessions, llm, notifier, PhoneVerifier.unavailable());
            }

            @Override
            public DialogEngine create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier,
                                       PhoneVerifier codes) {
                return Receptionist.create(scheduling, sessions, llm, notifier, config.sessionTimeout(),
                        metrics.metrics(), codes);
            }
        }, metrics);
    }

    /**
     * Everything but HTTP, with the given engine.
     *
     * @throws io.switchboard.scheduling.profile.ProfileException when the business profile is unusable
     * @throws ConfigException                                    when a setting is unusable
     */
    public static Switchboard open(ServerConfig config, EngineFactory engines) {
        return open(config, engines, PrometheusMetrics.create());
    }

    private static Switchboard open(ServerConfig config, EngineFactory engines, PrometheusMetrics metrics) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(engines, "engines");
        Deque<Step> closers = new ArrayDeque<>();
        closers.push(new Step("metrics", metrics::close));
        try {
            BusinessProfile profile = loadProfile(config);
            Clock clock = config.clock(profile.timezone());
            Database database = Database.open(config.databaseSettings());
            closers.push(new Step("database", database::close));
            Optional<CalcomCalendar> calcom = calcom(config, profile, clock, database);
            Scheduling scheduling = calcom.map(c -> Scheduling.create(profile, clock, database, c, c))
                    .orElseGet(() -> Scheduling.create(profile, clock, database));
            // Before anything can book: a profile of another business must not merge into these bookings.
            new BusinessBinding(database, clock).bind(profile, RebindSetting.fromEnvironment(config.environment()));
            SessionStore sessions = openSessions(config, clock);
            closers.push(new Step("sessions", sessions::close));
            // the on-box embedding model's native libraries go under the data dir (or SWITCHBOARD_NATIVE_CACHE_DIR)
            OnBoxEmbeddings.configure(config.environment(), config.dataDir());
            LlmFallback llm = LlmFallbacks.fromEnvironment(config.environment(), metrics.metrics().errors());
            closeIfCloseable("LLM fallback", llm, closers);
            TextChannels text = openTextChannels(config, scheduling, metrics);
            closers.push(new Step("text channels", text::close));
            Notifier notifier = text.notifier();
            DialogEngine engine = engines.create(scheduling, sessions, llm, notifier, text.phoneVerifier());
            closeIfCloseable("dialog engine", engine, closers);
            Switchboard switchboard = new Switchboard(config, clock, scheduling, sessions, engine, text, metrics, closers);
            switchboard.calcom = calcom;
            return switchboard;
        } catch (RuntimeException e) {
            closeAll(closers);
            throw e;
        }
    }

    /** Cal.com behind the booking seam when {@code SWITCHBOARD_CALENDAR=calcom}. */
    private static Optional<CalcomCalendar> calcom(ServerConfig config, BusinessProfile profile, Clock clock,
                                                   Database database) {
        try {
            return CalcomSettings.fromEnvironment(config.environment(), profile).map(s -> {
                LOG.info("Cal.com is the calendar: {}", s);
                return new CalcomCalendar(s, new CalcomApi(s), new CalcomBookings(database.dsl()), clock,
                        profile.timezone());
            });
        } catch (CalcomSetupException e) {
            throw new ConfigException(e.setting(), e.getMessage().substring(e.setting().length() + 2), e);
        }
    }

    /** The business profile the config names, or the bundled sample. */
    public static BusinessProfile loadProfile(ServerConfig config) {
        return loadProfile(config, new BusinessProfileLoader());
    }

    /** As {@link #loadProfile(ServerConfig)}, with the loader's warnings (a short PIN) going to {@code warnings}. */
    public static BusinessProfile loadProfile(ServerConfig config, Consumer<ProfileWarning> warnings) {
        return loadProfile(config, new BusinessProfileLoader(warnings));
    }

    private static BusinessProfile loadProfile(ServerConfig config, BusinessProfileLoader loader) {
        return config.businessProfile().map(loader::load).orElseGet(loader::loadSample);
    }

    /**
     * Loads the speech engines (Vosk, MaryTTS, the prompt cache) and starts the media WebSocket server that Twilio
     * streams calls to. Slow (seconds): call it before {@link #startHttp()} so health turns green only when calls
     * can be taken.
     */
    public synchronized MediaWebSocketServer startVoice() {
        if (media != null) {
            throw new IllegalStateException("voice already started");
        }
        Map<String, String> env = config.environment();
        SttSettings sttSettings;
        VoiceSettings voiceSettings;
        MediaServerSettings mediaSettings;
        int maxCalls;
        try {
            sttSettings = SttSettings.fromEnvironment(env);
            voiceSettings = VoiceSettings.fromEnvironment(env);
            mediaSettings = MediaServerSettings.fromEnvironment(env);
            maxCalls = CallLimits.maxCalls(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_STT_* / SWITCHBOARD_VAD_* / SWITCHBOARD_MEDIA_* / SWITCHBOARD_MAX_CALLS",
                    e.getMessage(), e);
        }
        SpeechRecognizer stt = SpeechRecognizers.start(sttSettings);
        closers.push(new Step("speech recognizer", stt::close));
        MaryTtsSynthesizer tts = MaryTtsSynthesizer.start();
        closers.push(new Step("speech synthesizer", tts::close));
        PromptCache prompts = PromptCache.preload(tts, CallPrompts.standard(scheduling.profile()));
        AnswerCheck answers = new AnswerCheck(scheduling.profile(), clock);
        BusyCallFollowUp busy = new BusyCallFollowUp(new MissedCalls(scheduling.database().dsl(), clock),
                text.smsEnabled() ? Optional.of(text.outbound()) : Optional.empty(), scheduling.phones(),
                scheduling.profile().name());
        closers.push(new Step("busy-call follow-ups", busy::close));
        Optional<CallTransfers> transfers = callTransfers(env);
        DialogEngine voiceEngine = new FollowUpEngine(engine, text.followUps());
        calls = new VoiceCalls(transfers.map(t -> t.engine(voiceEngine)).orElse(voiceEngine), stt, tts, prompts,
                voiceSettings)
                .withAnswerCheck(answers)
                .withListening(new io.switchboard.media.stt.ExpectedSpeech(answers, scheduling.profile()))
                .withMaxCalls(maxCalls)
                .withOverflow(busy::turnedAway)
                .withMetrics(metrics.metrics())
                .addLatencyListener(new TurnLatencyMetrics(metrics.metrics()))
                .withCallLog(callLogRecorder());
        long warming = System.nanoTime();
        engine.warmUp();
        LOG.info("dialog engine warmed up in {} ms", (System.nanoTime() - warming) / 1_000_000);
        // The browser softphone (/try): same calls, admitted by a dashboard session's single-use ticket.
        io.switchboard.media.server.SoftphoneStreamAuth softphone = new io.switchboard.media.server.SoftphoneStreamAuth(
                new io.switchboard.telephony.security.AdminSessions(scheduling.database().dsl(), clock,
                        new java.security.SecureRandom())::claimTicket);
        closers.push(new Step("softphone tickets", softphone::close));
        MediaWebSocketServer server = MediaWebSocketServer.start(mediaSettings,
                transfers.map(t -> t.calls(calls)).orElse(calls),
                voiceAuthentication().mediaStreams(), softphone);
        closers.push(new Step("media server", server::close));
        media = server;
        return server;
    }

    /**
     * Starts Vert.x and the control plane with the JSON API, the text-channel webhooks and (when Twilio voice is
     * configured) the voice webhook mounted, and marks it ready (health 200).
     *
     * @return the control plane, for mounting more routes and its bound port
     */
    public synchronized ControlPlane startHttp() {
        if (http != null) {
            throw new IllegalStateException("HTTP already started");
        }
        Vertx v = Vertx.vertx();
        closers.push(new Step("Vert.x", () -> v.close().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS)));
        vertx = v;
        ControlPlane plane = new ControlPlane(v, new HttpSettings(config.httpHost(), config.httpPort())
                .withTimeouts(httpTimeouts()), scheduling.profile().name());
        closers.push(new Step("HTTP", plane::close));
        plane.readinessCheck("database", () -> scheduling.database().isReachable(Duration.ofSeconds(2)));
        if (config.redisUrl().isPresent()) {
            plane.readinessCheck("redis", sessions::isReachable);
        }
        ApiSecurity security = apiSecurity();
        // Changes are texted to the booking's number; text conversations are written to the conversation log.
        DialogEngine followed = new io.switchboard.telephony.calllog.LoggedConversations(
                new FollowUpEngine(engine, text.followUps()), new io.switchboard.telephony.calllog.ConversationLog(
                        scheduling.database().dsl(), scheduling.profile().timezone()), clock);
        SwitchboardApi.mount(plane, followed, scheduling, security, metrics.metrics(), this::softphoneMediaUrl);
        plane.mount(new MissedCallsApi(new MissedCalls(scheduling.database().dsl(), clock), clock,
                scheduling.profile().timezone(), plane.workers())::mount);
        // Personal data: SwitchboardApi.ADMIN_PATHS puts the admin token check in front of it.
        plane.mount(new CallLogApi(new CallLogStore(scheduling.database().dsl()), clock,
                scheduling.profile().timezone(), plane.workers())::mount);
        plane.mount(PersonalData.api(scheduling, clock, plane.workers())::mount); // admin-guarded: ADMIN_PATHS
        RetentionSchedule retention = PersonalData.retention(scheduling, clock, callLogSettings().retention(),
                retentionSettings()).start();
        closers.push(new Step("retention", retention::close));
        metricsAccess().ifPresent(access ->
                plane.mount(new MetricsEndpoint(metrics::scrape, access, plane.workers())::mount));
        plane.mount(router -> text.mount(router, v, followed, security.limits()));
        slackChannel(followed, security, plane).ifPresent(slack -> {
            closers.push(new Step("Slack", slack::close));
            slack.webhook().ifPresent(webhook -> plane.mount(webhook::mount));
        });
        voiceWebhook().ifPresent(webhook -> plane.mount(webhook::mount));
        CalendarRoutes.mount(plane, config.environment(), scheduling, googleCalendar);
        calcomWebhook(plane).ifPresent(route -> plane.mount(route::mount));
        plane.start();
        http = plane;
        plane.markReady();
        return plane;
    }

    /**
     * Where the browser softphone's page connects: {@code SWITCHBOARD_SOFTPHONE_URL} when set, else under the
     * configured media URL or public URL (behind the TLS proxy, which routes {@code /media*} to the media port), else
     * the host the browser used with the media port. Null while voice is off.
     */
    private String softphoneMediaUrl(String requestHost, boolean secure) {
        MediaWebSocketServer m = media;
        if (m == null) {
            return null;
        }
        String softphone = config.environment().getOrDefault("SWITCHBOARD_SOFTPHONE_URL", "").strip();
        if (!softphone.isEmpty()) {
            return softphone;
        }
        String configured = config.environment().getOrDefault("SWITCHBOARD_MEDIA_URL", "").strip();
        String publicUrl = config.environment().getOrDefault("SWITCHBOARD_PUBLIC_URL", "").strip();
        if (!configured.isEmpty()) {
            return configured.replaceFirst("/+$", "") + MediaWebSocketServer.SOFTPHONE_SUFFIX;
        }
        if (!publicUrl.isEmpty()) {
            java.net.URI u = java.net.URI.create(publicUrl);
            return ("https".equalsIgnoreCase(u.getScheme()) ? "wss://" : "ws://") + u.getRawAuthority()
                    + m.softphonePath();
        }
        String host = requestHost == null ? "localhost" : requestHost.replaceFirst(":[0-9]+$", "");
        return (secure ? "wss://" : "ws://") + host + ":" + m.port() + m.softphonePath();
    }

    /** Stores every answered call (its writer closes after the media server, so ending calls are still stored). */
    private CallLogRecorder callLogRecorder() {
        CallLogSettings settings = callLogSettings();
        CallLogWriter writer = new CallLogWriter(new CallLogStore(scheduling.database().dsl()))
                .withMetrics(metrics.metrics());
        closers.push(new Step("call log writer", writer::close));
        Optional<OwnerCallSummaries> owner = Optional.empty();
        if (settings.summarySms()) {
            Optional<String> ownerPhone = scheduling.phones().toE164(scheduling.profile().owner().phone());
            if (!text.smsEnabled() || ownerPhone.isEmpty()) {
                LOG.warn("{} is on but SMS is not configured or the owner's number is unusable: no call summaries",
                        CallLogSettings.SUMMARY_SMS);
            } else {
                owner = Optional.of(new OwnerCallSummaries(text.outbound(), ownerPhone.get()));
            }
        }
        if (settings.logTranscripts()) {
            LOG.warn("{} is on: what callers say is written to the log (personal data)", CallLogSettings.LOG_TRANSCRIPTS);
        }
        return new CallLogRecorder(writer, clock, new CallSummary(scheduling.profile()), owner,
                settings.logTranscripts());
    }

    private CallLogSettings callLogSettings() {
        try {
            return CallLogSettings.fromEnvironment(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_CALL_LOG_* / SWITCHBOARD_LOG_TRANSCRIPTS / "
                    + "SWITCHBOARD_CALL_SUMMARY_SMS", e.getMessage(), e);
        }
    }

    /** Slack (Events API and/or Socket Mode), when {@code SLACK_BOT_TOKEN} is set. */
    private Optional<SlackChannel> slackChannel(DialogEngine followed, ApiSecurity security, ControlPlane plane) {
        try {
            return SlackChannel.fromEnvironment(config.environment(), followed, scheduling, security.limits(),
                    plane.workers());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ConfigException("SLACK_*", e.getMessage(), e);
        }
    }

    private RetentionSettings retentionSettings() {
        try {
            return RetentionSettings.fromEnvironment(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_RETENTION_*", e.getMessage(), e);
        }
    }

    /** The admin token (configured or generated and shared), the chat's web origins and the inbound rate limits. */
    private ApiSecurity apiSecurity() {
        try {
            return ApiSecurity.fromEnvironment(config.environment(), config.dataDir(), scheduling);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_ADMIN_TOKEN / SWITCHBOARD_WEB_ORIGINS", e.getMessage(), e);
        }
    }

    private Optional<MetricsAccess> metricsAccess() {
        try {
            return MetricsAccess.fromEnvironment(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MetricsAccess.VARIABLE, e.getMessage(), e);
        }
    }

    private HttpTimeouts httpTimeouts() {
        try {
            return HttpTimeouts.fromEnvironment(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_HTTP_*_TIMEOUT", e.getMessage(), e);
        }
    }

    /**
     * Starts relaying the calendar outbox to the configured calendar, if any. Safe on every instance of a cluster:
     * each change is claimed by one relay (see {@link io.switchboard.scheduling.calendar.CalendarOutbox}).
     */
    public synchronized Optional<CalendarRelay> startCalendarRelay() {
        Optional<CalendarSyncSettings> settings = CalendarSyncSettings.fromEnvironment(config.environment());
        if (calcom.isPresent()) {
            return Optional.of(startCalcomRelay(settings.isPresent()));
        }
        Optional<GoogleCalendarSync> google = startGoogleCalendar(settings.isPresent());
        if (google.isPresent()) {
            return Optional.of(google.get().relay());
        }
        if (settings.isEmpty()) {
            LOG.info("calendar sync off: set {} to mirror bookings; changes wait in the outbox",
                    CalendarSyncSettings.WEBHOOK_URL);
            return Optional.empty();
        }
        CalendarRelay relay = settings.get().relay(scheduling.calendarOutbox(), clock).start();
        closers.push(new Step("calendar relay", relay::close));
        return Optional.of(relay);
    }

    /** Cancellations reach Cal.com through the outbox (bookings and moves were accepted there synchronously). */
    private CalendarRelay startCalcomRelay(boolean webhookToo) {
        boolean googleToo = !config.environment().getOrDefault(GoogleCalendarSettings.CALENDAR_ID, "").isBlank();
        if (webhookToo || googleToo) {
            throw new ConfigException(CalcomSettings.CALENDAR, "calcom takes the calendar outbox; unset "
                    + (webhookToo ? CalendarSyncSettings.WEBHOOK_URL : GoogleCalendarSettings.CALENDAR_ID));
        }
        CalcomCalendar c = calcom.orElseThrow();
        CalcomCancelSink sink = c.cancelSink();
        CalendarRelay relay = new CalendarRelay(scheduling.calendarOutbox(), sink, clock, Duration.ofSeconds(5),
                Duration.ofMinutes(5)).start();
        closers.push(new Step("Cal.com relay", relay::close));
        attachCalendarSink(sink);
        return relay;
    }

    /**
     * {@code POST /calcom/webhook} when Cal.com is the calendar and {@code CALCOM_WEBHOOK_SECRET} is set: changes
     * made in Cal.com reach the booking, and a customer whose booking was cancelled or moved there is texted.
     */
    private Optional<CalcomWebhookRoute> calcomWebhook(ControlPlane plane) {
        if (calcom.isEmpty()) {
            return Optional.empty();
        }
        CalcomCalendar c = calcom.get();
        if (c.settings().webhookSecret().isEmpty()) {
            LOG.info("Cal.com webhook off: set {} to bring changes made in Cal.com back", CalcomSettings.WEBHOOK_SECRET);
            return Optional.empty();
        }
        Optional<io.switchboard.telephony.outbound.OutboundMessenger> sms =
                text.smsEnabled() ? Optional.of(text.outbound()) : Optional.empty();
        OwnerCancellationTexts cancels = new OwnerCancellationTexts(sms, scheduling.profile().name(),
                scheduling.profile().timezone());
        OwnerMoveTexts moves = new OwnerMoveTexts(sms, scheduling.profile().name(), scheduling.profile().timezone());
        CalcomChanges changes = new CalcomChanges() {
            @Override
            public void cancelled(Appointment a) {
                cancels.accept(a);
            }

            @Override
            public void moved(Appointment before, Appointment after) {
                moves.moved(before, after);
            }
        };
        CalcomWebhook webhook = new CalcomWebhook(new CalcomSignature(c.settings().webhookSecret()), c.bookings(),
                scheduling.appointments(), scheduling.bookings(), changes, clock, scheduling.profile().timezone(),
                c.slots());
        return Optional.of(new CalcomWebhookRoute(webhook::handle, plane.workers()));
    }

    /**
     * Two-way Google Calendar sync when {@code SWITCHBOARD_GOOGLE_*} is set: pushes the outbox, pulls the owner's
     * busy time, and texts a customer whose booking the owner deleted from the calendar.
     */
    private Optional<GoogleCalendarSync> startGoogleCalendar(boolean webhookToo) {
        try {
            Optional<GoogleCalendarSettings> settings = GoogleCalendarSettings.fromEnvironment(config.environment());
            if (settings.isEmpty()) {
                return Optional.empty();
            }
            if (webhookToo) {
                // Two relays over one outbox would split the changes between the two calendars.
                throw new ConfigException(CalendarSyncSettings.WEBHOOK_URL,
                        "set either it or " + GoogleCalendarSettings.CALENDAR_ID + ", not both");
            }
            OwnerCalendarTexts texts = new OwnerCalendarTexts(
                    text.smsEnabled() ? Optional.of(text.outbound()) : Optional.empty(),
                    scheduling.profile().name(), scheduling.phones().toE164(scheduling.profile().owner().phone()),
                    scheduling.profile().timezone());
            GoogleCalendarSync sync = GoogleCalendarSync.start(settings.get(), scheduling, texts,
                    CalendarRoutes.publicUrl(config.environment()));
            closers.push(new Step("Google Calendar sync", sync::close));
            googleCalendar = sync;
            attachCalendarSink(sync.sink());
            Gauge.builder("switchboard.calendar.parked", scheduling.calendarOutbox(), o -> o.parked())
                    .description("calendar changes that failed repeatedly and wait to be retried")
                    .register(metrics.metrics().registry());
            return Optional.of(sync);
        } catch (GoogleCalendarSetupException e) {
            throw new ConfigException(e.setting(), e.getMessage().substring(e.setting().length() + 2), e);
        }
    }

    /**
     * Starts the day-before reminders when texting is on and {@code SWITCHBOARD_REMINDER_TIME} is not {@code off}.
     * Safe on every instance: each reminder is claimed in PostgreSQL by one.
     */
    public synchronized Optional<DayBeforeReminders> startReminders() {
        Optional<ReminderSettings> settings;
        try {
            settings = ReminderSettings.fromEnvironment(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ReminderSettings.TIME, e.getMessage().substring(ReminderSettings.TIME.length() + 2), e);
        }
        if (settings.isEmpty() || !(text.smsEnabled() || text.whatsAppEnabled())) {
            LOG.info("day-before reminders off ({})", settings.isEmpty() ? ReminderSettings.TIME + "=off" : "no texting");
            return Optional.empty();
        }
        DayBeforeReminders reminders = new DayBeforeReminders(scheduling, text.outbound(), settings.get()).start();
        closers.push(new Step("reminders", reminders::close));
        return Optional.of(reminders);
    }

    /**
     * Starts the server's own backups when {@code SWITCHBOARD_BACKUP_DIR} is set: consistent snapshots of the
     * database taken while it serves, so the embedded database needs no downtime to be backed up.
     */
    public synchronized Optional<BackupSchedule> startBackups() {
        Optional<BackupSettings> settings = BackupSettings.fromEnvironment(config.environment());
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        BackupSettings s = settings.get();
        BackupSchedule schedule = s.schedule(scheduling.database(), clock).start();
        closers.push(new Step("backups", schedule::close));
        LOG.info("backing up the database to {} every {} h, keeping {}", s.dir(), s.every().toHours(), s.keep());
        return Optional.of(schedule);
    }

    /** Live transfers to {@code SWITCHBOARD_TRANSFER_NUMBER}, when it is set. */
    private Optional<CallTransfers> callTransfers(Map<String, String> env) {
        Optional<LiveTransferSettings> settings;
        try {
            settings = LiveTransferSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(LiveTransferSettings.TRANSFER_NUMBER, e.getMessage(), e);
        }
        Optional<CallTransfers> transfers = settings.map(s -> new CallTransfers(new TwilioCallTransfer(s)));
        transfers.ifPresent(t -> closers.push(new Step("call transfers", t::close)));
        LOG.info("live transfer to a person: {}", transfers.isPresent() ? "on, within opening hours" : "off (callers "
                + "leave a message; set " + LiveTransferSettings.TRANSFER_NUMBER + ")");
        return transfers;
    }

    /** The Twilio voice webhook, when the public URL Twilio should stream calls to is configured. */
    private Optional<TwilioVoiceWebhook> voiceWebhook() {
        Map<String, String> env = config.environment();
        boolean configured = !env.getOrDefault("SWITCHBOARD_PUBLIC_URL", "").isBlank()
                || !env.getOrDefault("SWITCHBOARD_MEDIA_URL", "").isBlank();
        if (!configured) {
            LOG.info("Twilio voice webhook off: set SWITCHBOARD_PUBLIC_URL (and TWILIO_AUTH_TOKEN) to take calls");
            return Optional.empty();
        }
        try {
            return Optional.of(TwilioVoiceWebhook.create(TwilioVoiceSettings.fromEnvironment(env),
                    voiceAuthentication().tokens()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("SWITCHBOARD_PUBLIC_URL / TWILIO_AUTH_TOKEN", e.getMessage(), e);
        }
    }

    /** The voice path's token key and checks, made on first use (the webhook and the media server share them). */
    private synchronized VoiceAuthentication voiceAuthentication() {
        if (voiceAuth == null) {
            try {
                voiceAuth = VoiceAuthentication.fromEnvironment(config.environment(), scheduling.database().dsl(),
                        clock);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("SWITCHBOARD_PUBLIC_URL / TWILIO_AUTH_TOKEN", e.getMessage(), e);
            }
            closers.push(new Step("voice authentication", voiceAuth::close));
        }
        return voiceAuth;
    }

    /** The media WebSocket server, once {@link #startVoice()} ran. */
    public Optional<MediaWebSocketServer> media() {
        return Optional.ofNullable(media);
    }

    /** The voice calls, once {@link #startVoice()} ran: for latency listeners. */
    public Optional<VoiceCalls> calls() {
        return Optional.ofNullable(calls);
    }

    public Optional<ControlPlane> http() {
        return Optional.ofNullable(http);
    }

    /** The Vert.x instance behind the HTTP server, once started; later servers (media streams) share it. */
    public Optional<Vertx> vertx() {
        return Optional.ofNullable(vertx);
    }

    /** The metrics registry every part records into, and its Prometheus text. */
    public PrometheusMetrics metrics() {
        return metrics;
    }

    public ServerConfig config() {
        return config;
    }

    public BusinessProfile profile() {
        return scheduling.profile();
    }

    public Clock clock() {
        return clock;
    }

    public Scheduling scheduling() {
        return scheduling;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public DialogEngine engine() {
        return engine;
    }

    /** SMS and WhatsApp: the webhooks, the owner's alerts and the follow-up texts after a call. */
    public TextChannels textChannels() {
        return text;
    }

    /**
     * The orderly shutdown of this server within {@code bound}, for SIGTERM: readiness false and new work refused,
     * calls in progress finish their reply and hear goodbye, webhook work and queued texts finish, the outbox is
     * flushed, then everything closes. Run it once; {@link #close()} afterwards is a no-op.
     */
    public Shutdown shutdownSequence(Duration bound) {
        return ShutdownTargets.sequence(new Targets(), bound, Clock.systemUTC());
    }

    /** Hands calendar changes on during {@link #shutdownSequence}'s outbox step; none by default. */
    public void attachCalendarSink(CalendarSink sink) {
        this.calendarSink = Objects.requireNonNull(sink, "sink");
    }

    /** This server's parts as the shutdown sequence sees them. */
    private final class Targets implements ShutdownTargets {
        @Override
        public void refuseNewWork() {
            synchronized (Switchboard.this) {
                if (http != null) {
                    http.markStopping();
                }
                if (calls != null) {
                    calls.stopTakingCalls();
                }
            }
        }

        @Override
        public boolean endCalls(Duration within) throws InterruptedException {
            VoiceCalls c;
            synchronized (Switchboard.this) {
                c = calls;
            }
            if (c == null || c.activeCalls() == 0) {
                return true;
            }
            LOG.info("ending {} calls in progress", c.activeCalls());
            return c.endCalls(within);
        }

        @Override
        public boolean finishMessages(Duration within) {
            return text.drain(within);
        }

        @Override
        public void flushOutbox(Duration within) {
            CalendarSink sink = calendarSink;
            if (sink != null) {
                long deadline = System.nanoTime() + within.toNanos();
                while (System.nanoTime() < deadline && scheduling.calendarOutbox().drain(sink, 1).delivered() > 0) {
                    // keep going while changes are delivered
                }
            }
            int pending = scheduling.calendarOutbox().pending(1000).size();
            if (pending > 0) {
                // Stored in the database: nothing is lost, the next start's relay delivers them.
                LOG.info("{} calendar changes wait in the outbox", pending);
            }
        }

        @Override
        public void closeAll() {
            close();
        }
    }

    /** Stops taking requests first, then closes everything in reverse order of creation. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.markNotReady();
        }
        closeAll(closers);
    }

    private static SessionStore openSessions(ServerConfig config, Clock clock) {
        try {
            return SessionStores.fromEnvironment(config.environment(), clock);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(SessionStores.MAX_SESSIONS)) {
                throw new ConfigException(SessionStores.MAX_SESSIONS, e.getMessage(), e);
            }
            throw new ConfigException(ServerConfig.REDIS_URL, "not a usable Redis URL (redis://host:6379)", e);
        }
    }

    private static TextChannels openTextChannels(ServerConfig config, Scheduling scheduling,
                                                 PrometheusMetrics metrics) {
        try {
            return TextChannels.fromEnvironment(config.environment(), scheduling, metrics.metrics());
        } catch (IllegalStateException e) {
            throw new ConfigException("TWILIO_* / WHATSAPP_*", e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            String problem = String.valueOf(e.getMessage());
            for (String variable : new String[] {CodePolicy.COUNTRIES, CodePolicy.DAILY_CAP}) {
                if (problem.startsWith(variable)) {
                    throw new ConfigException(variable, problem.substring(variable.length()).replaceFirst("^:? ", ""), e);
                }
            }
            throw e;
        }
    }

    private static void closeIfCloseable(String name, Object component, Deque<Step> closers) {
        if (component instanceof AutoCloseable closeable) {
            closers.push(new Step(name, closeable::close));
        }
    }

    private static void closeAll(Deque<Step> closers) {
        while (!closers.isEmpty()) {
            Step step = closers.pop();
            try {
                step.action().run();
            } catch (Exception e) {
                // Keep going: a stuck HTTP server must not leave the database running.
                LOG.warn("{} did not close cleanly: {}", step.name(), e.toString());
            }
        }
    }

    private record Step(String name, Closer action) {
    }

    @FunctionalInterface
    private interface Closer {
        void run() throws Exception;
    }
}

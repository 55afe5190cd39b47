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
import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.calendar.CalendarRelay;
import io.switchboard.scheduling.calendar.CalendarSink;
import io.switchboard.scheduling.calendar.calcom.CalcomCalendar;
import io.switchboard.scheduling.database.BackupSchedule;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.profile.BusinessBinding;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.profile.ProfileWarning;
import io.switchboard.scheduling.reminder.ReminderSettings;
import io.switchboard.telephony.messaging.DayBeforeReminders;
import io.switchboard.telephony.http.ApiSecurity;
import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.http.HttpSettings;
import io.switchboard.telephony.http.MetricsEndpoint;
import io.switchboard.telephony.http.MissedCallsApi;
import io.switchboard.telephony.http.CallLogApi;
import io.switchboard.telephony.privacy.RetentionSchedule;
import io.switchboard.telephony.slack.SlackChannel;
import io.switchboard.telephony.calllog.CallLogSettings;
import io.switchboard.telephony.calllog.CallLogStore;
import io.switchboard.telephony.calllog.CallLogWriter;
import io.switchboard.telephony.calllog.CallSummary;
import io.switchboard.telephony.calllog.OwnerCallSummaries;
import io.switchboard.media.call.CallLogRecorder;
import io.switchboard.telephony.metrics.PrometheusMetrics;
import io.switchboard.telephony.voice.BusyCallFollowUp;
import io.switchboard.telephony.voice.LiveTransferSettings;
import io.switchboard.telephony.voice.MissedCalls;
import io.switchboard.telephony.outbound.TwilioCallTransfer;
import io.switchboard.telephony.http.SwitchboardApi;
import io.switchboard.telephony.messaging.TextChannels;
import io.switchboard.telephony.voice.TwilioVoiceSettings;
import io.switchboard.telephony.voice.TwilioVoiceWebhook;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.call.CallPrompts;
import io.switchboard.media.call.TurnLatencyMetrics;
import io.switchboard.media.call.DialogTurnPreview;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.server.MediaWebSocketServer;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.SpeechRecognizers;
import io.switchboard.media.stt.RecognizerWarmUp;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.SynthesizedSpeech;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.PromptStore;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
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

    private final Settings settings;
    private final ServerConfig config;
    private final Clock clock;
    private final Scheduling scheduling;
    private final SessionStore sessions;
    private final DialogEngine engine;
    private final TextChannels text;
    private final PrometheusMetrics metrics;
    /** What to close, last created first. */
    private final Closers closers;
    private Vertx vertx;
    private ControlPlane http;
    private MediaWebSocketServer media;
    private VoiceCalls calls;
    private VoiceAuthentication voiceAuth;
    private volatile CalendarSink calendarSink;
    /** The calendars (Cal.com, Google, the webhook mirror), set once by {@link #open}. */
    private CalendarWiring calendars;

    private Switchboard(Settings settings, Clock clock, Scheduling scheduling, SessionStore sessions,
                        DialogEngine engine, TextChannels text, PrometheusMetrics metrics, Closers closers) {
        this.metrics = metrics;
        this.settings = settings;
        this.config = settings.server();
        this.clock = clock;
        this.scheduling = scheduling;
        this.sessions = sessions;
        this.engine = engine;
        this.text = text;
        this.closers = closers;
    }

    /** Everything but HTTP, with the real receptionist (sessions expire after the configured timeout). */
    public static Switchboard open(Settings settings) {
        PrometheusMetrics metrics = PrometheusMetrics.create();
        ServerConfig config = settings.server();
        return open(settings, new EngineFactory() {
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
    public static Switchboard open(Settings settings, EngineFactory engines) {
        return open(settings, engines, PrometheusMetrics.create());
    }

    private static Switchboard open(Settings settings, EngineFactory engines, PrometheusMetrics metrics) {
        Objects.requireNonNull(settings, "settings");
        ServerConfig config = settings.server();
        Objects.requireNonNull(engines, "engines");
        Closers closers = new Closers();
        closers.push("metrics", metrics::close);
        try {
            BusinessProfile profile = loadProfile(config);
            Clock clock = config.clock(profile.timezone());
            Database database = Database.open(config.databaseSettings());
            closers.push("database", database::close);
            Optional<CalcomCalendar> calcom = CalendarWiring.calcom(settings.calendar(), profile, clock, database);
            Scheduling scheduling = calcom.map(c -> Scheduling.create(profile, clock, database, c, c))
                    .orElseGet(() -> Scheduling.create(profile, clock, database));
            // Off every event loop: readers of the profile only ever read memory; this thread reads the database.
            closers.push("profile refresh", scheduling.profiles().startRefreshing()::close);
            // Before anything can book: a profile of another business must not merge into these bookings.
            new BusinessBinding(database, clock).bind(profile, settings.rebindBusiness());
            SessionStore sessions = SessionStores.open(settings.sessions(), clock);
            closers.push("sessions", sessions::close);
            // the on-box embedding model's native libraries go under the data dir (or SWITCHBOARD_NATIVE_CACHE_DIR)
            OnBoxEmbeddings.configure(settings.embeddings(), config.dataDir());
            LlmFallback llm = LlmFallbacks.create(settings.llm(), metrics.metrics().errors());
            closers.pushIfCloseable("LLM fallback", llm);
            TextChannels text = TextChannels.create(settings.text(),
                    settings.voice().transfer().map(LiveTransferSettings::number), scheduling, metrics.metrics());
            closers.push("text channels", text::close);
            Notifier notifier = text.notifier();
            DialogEngine engine = engines.create(scheduling, sessions, llm, notifier, text.phoneVerifier());
            closers.pushIfCloseable("dialog engine", engine);
            Switchboard switchboard = new Switchboard(settings, clock, scheduling, sessions, engine, text, metrics, closers);
            switchboard.calendars = new CalendarWiring(settings.calendar(), calcom, scheduling, text, clock,
                    metrics, closers, switchboard::attachCalendarSink);
            return switchboard;
        } catch (RuntimeException e) {
            closers.closeAll();
            throw e;
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
        VoiceServerSettings voice = settings.voice();
        SpeechRecognizer stt = SpeechRecognizers.start(voice.stt(),
                new io.switchboard.media.stt.RecognitionMetrics(metrics.metrics()));
        closers.push("speech recognizer", stt::close);
        MaryTtsSynthesizer tts = MaryTtsSynthesizer.start();
        closers.push("speech synthesizer", tts::close);
        PromptCache prompts = PromptCache.preload(tts, CallPrompts.standard(scheduling.profile()),
                PromptStore.in(voice.prompts(), tts));
        long listening = System.nanoTime();
        String heard = RecognizerWarmUp.run(stt, voice.stt().poolSize(),
                SynthesizedSpeech.at16k(tts, "I'd like to book a repair tomorrow at two, my name is Sarah Jones"));
        LOG.info("speech recognisers warmed up in {} ms (heard {} words)", (System.nanoTime() - listening) / 1_000_000,
                heard.isBlank() ? 0 : heard.split(" ").length);
        AnswerCheck answers = new AnswerCheck(scheduling.profile(), clock);
        BusyCallFollowUp busy = new BusyCallFollowUp(new MissedCalls(scheduling.database().dsl(), clock),
                text.smsEnabled() ? Optional.of(text.outbound()) : Optional.empty(), scheduling.phones(),
                scheduling.profile().name());
        closers.push("busy-call follow-ups", busy::close);
        Optional<CallTransfers> transfers = callTransfers(voice.transfer());
        DialogEngine voiceEngine = new FollowUpEngine(engine, text.followUps());
        DialogEngine callEngine = transfers.map(t -> t.engine(voiceEngine)).orElse(voiceEngine);
        calls = new VoiceCalls(callEngine, stt, tts, prompts, voice.calls())
                .withTurnPreview(new DialogTurnPreview(callEngine))
                .withAnswerCheck(answers)
                .withListening(new io.switchboard.media.stt.ExpectedSpeech(answers, scheduling.profile()))
                .withMaxCalls(voice.maxCalls())
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
        closers.push("softphone tickets", softphone::close);
        MediaWebSocketServer server = MediaWebSocketServer.start(voice.media(),
                transfers.map(t -> t.calls(calls)).orElse(calls),
                voiceAuthentication().mediaStreams(), softphone);
        closers.push("media server", server::close);
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
        closers.push("Vert.x", () -> v.close().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
        vertx = v;
        ControlPlane plane = new ControlPlane(v, new HttpSettings(config.httpHost(), config.httpPort())
                .withTimeouts(settings.httpTimeouts()), scheduling.profile().name());
        closers.push("HTTP", plane::close);
        plane.readinessCheck("database", () -> scheduling.database().isReachable(Duration.ofSeconds(2)));
        if (settings.sessions().redisUrl().isPresent()) {
            plane.readinessCheck("redis", sessions::isReachable);
        }
        ApiSecurity security = ApiSecurity.create(settings.security(), config.dataDir(), scheduling);
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
        RetentionSchedule retention = PersonalData.retention(scheduling, clock, settings.callLog().retention(),
                settings.retention()).start();
        closers.push("retention", retention::close);
        settings.metrics().ifPresent(access ->
                plane.mount(new MetricsEndpoint(metrics::scrape, access, plane.workers())::mount));
        plane.mount(router -> text.mount(router, v, followed, security.limits()));
        slackChannel(followed, security, plane).ifPresent(slack -> {
            closers.push("Slack", slack::close);
            slack.webhook().ifPresent(webhook -> plane.mount(webhook::mount));
        });
        voiceWebhook().ifPresent(webhook -> plane.mount(webhook::mount));
        CalendarRoutes.mount(plane, settings.calendar().icsToken(), scheduling, calendars.google());
        calendars.calcomWebhook(plane).ifPresent(route -> plane.mount(route::mount));
        plane.start();
        http = plane;
        plane.markReady();
        return plane;
    }

    /** Where the browser softphone's page connects (see {@link SoftphoneUrls}); null while voice is off. */
    private String softphoneMediaUrl(String requestHost, boolean secure) {
        MediaWebSocketServer m = media;
        return m == null ? null : settings.voice().softphone().forRequest(m, requestHost, secure);
    }

    /** Stores every answered call (its writer closes after the media server, so ending calls are still stored). */
    private CallLogRecorder callLogRecorder() {
        CallLogSettings callLog = settings.callLog();
        CallLogWriter writer = new CallLogWriter(new CallLogStore(scheduling.database().dsl()))
                .withMetrics(metrics.metrics());
        closers.push("call log writer", writer::close);
        Optional<OwnerCallSummaries> owner = Optional.empty();
        if (callLog.summarySms()) {
            Optional<String> ownerPhone = scheduling.phones().toE164(scheduling.profile().owner().phone());
            if (!text.smsEnabled() || ownerPhone.isEmpty()) {
                LOG.warn("{} is on but SMS is not configured or the owner's number is unusable: no call summaries",
                        CallLogSettings.SUMMARY_SMS);
            } else {
                owner = Optional.of(new OwnerCallSummaries(text.outbound(), ownerPhone.get()));
            }
        }
        if (callLog.logTranscripts()) {
            LOG.warn("{} is on: what callers say is written to the log (personal data)", CallLogSettings.LOG_TRANSCRIPTS);
        }
        return new CallLogRecorder(writer, clock, new CallSummary(scheduling.profile()), owner,
                callLog.logTranscripts());
    }

    /** Slack (Events API and/or Socket Mode), when {@code SLACK_BOT_TOKEN} is set. */
    private Optional<SlackChannel> slackChannel(DialogEngine followed, ApiSecurity security, ControlPlane plane) {
        try {
            return SlackChannel.create(settings.slack(), followed, scheduling, security.limits(), plane.workers());
        } catch (java.io.UncheckedIOException e) {
            throw new ConfigException("SLACK_*", e.getMessage(), e);
        }
    }

    /**
     * Starts relaying the calendar outbox to the configured calendar, if any. Safe on every instance of a cluster:
     * each change is claimed by one relay (see {@link io.switchboard.scheduling.calendar.CalendarOutbox}).
     */
    public synchronized Optional<CalendarRelay> startCalendarRelay() {
        return calendars.startRelay();
    }

    /**
     * Starts the day-before reminders when texting is on and {@code SWITCHBOARD_REMINDER_TIME} is not {@code off}.
     * Safe on every instance: each reminder is claimed in PostgreSQL by one.
     */
    public synchronized Optional<DayBeforeReminders> startReminders() {
        Optional<ReminderSettings> reminderSettings = settings.reminders();
        if (reminderSettings.isEmpty() || !(text.smsEnabled() || text.whatsAppEnabled())) {
            LOG.info("day-before reminders off ({})", reminderSettings.isEmpty() ? ReminderSettings.TIME + "=off"
                    : "no texting");
            return Optional.empty();
        }
        DayBeforeReminders reminders = new DayBeforeReminders(scheduling, text.outbound(), reminderSettings.get())
                .start();
        closers.push("reminders", reminders::close);
        return Optional.of(reminders);
    }

    /**
     * Starts the server's own backups when {@code SWITCHBOARD_BACKUP_DIR} is set: consistent snapshots of the
     * database taken while it serves, so the embedded database needs no downtime to be backed up.
     */
    public synchronized Optional<BackupSchedule> startBackups() {
        Optional<BackupSettings> backups = settings.backups();
        if (backups.isEmpty()) {
            return Optional.empty();
        }
        BackupSettings s = backups.get();
        BackupSchedule schedule = s.schedule(scheduling.database(), clock).start();
        closers.push("backups", schedule::close);
        LOG.info("backing up the database to {} every {} h, keeping {}", s.dir(), s.every().toHours(), s.keep());
        return Optional.of(schedule);
    }

    /** Live transfers to {@code SWITCHBOARD_TRANSFER_NUMBER}, when it is set. */
    private Optional<CallTransfers> callTransfers(Optional<LiveTransferSettings> transfer) {
        Optional<CallTransfers> transfers = transfer.map(s -> new CallTransfers(new TwilioCallTransfer(s)));
        transfers.ifPresent(t -> closers.push("call transfers", t::close));
        LOG.info("live transfer to a person: {}", transfers.isPresent() ? "on, within opening hours" : "off (callers "
                + "leave a message; set " + LiveTransferSettings.TRANSFER_NUMBER + ")");
        return transfers;
    }

    /** The Twilio voice webhook, when the public URL Twilio should stream calls to is configured. */
    private Optional<TwilioVoiceWebhook> voiceWebhook() {
        Optional<TwilioVoiceSettings> twilio = settings.voice().twilio();
        if (twilio.isEmpty()) {
            LOG.info("Twilio voice webhook off: set SWITCHBOARD_PUBLIC_URL (and TWILIO_AUTH_TOKEN) to take calls");
            return Optional.empty();
        }
        return Optional.of(TwilioVoiceWebhook.create(twilio.get(), voiceAuthentication().tokens()));
    }

    /** The voice path's token key and checks, made on first use (the webhook and the media server share them). */
    private synchronized VoiceAuthentication voiceAuthentication() {
        if (voiceAuth == null) {
            voiceAuth = VoiceAuthentication.create(settings.voice().twilio(), settings.voice().verify(),
                    scheduling.database().dsl(), clock);
            closers.push("voice authentication", voiceAuth::close);
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

    /** The server's own settings. */
    public ServerConfig config() {
        return config;
    }

    /** Every setting, as parsed at start-up. */
    public Settings settings() {
        return settings;
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
        closers.closeAll();
    }
}

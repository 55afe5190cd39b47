package io.switchboard.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.llm.LlmFallbacks;
import io.switchboard.dialog.session.SessionStore;
import io.switchboard.dialog.session.SessionStores;
import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.telephony.http.ApiSecurity;
import io.switchboard.telephony.http.ControlPlane;
import io.switchboard.telephony.http.HttpSettings;
import io.switchboard.telephony.http.SwitchboardApi;
import io.switchboard.telephony.messaging.TextChannels;
import io.switchboard.telephony.voice.TwilioVoiceSettings;
import io.switchboard.telephony.voice.TwilioVoiceWebhook;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.media.call.CallPrompts;
import io.switchboard.media.call.EarlyEnd;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.server.MediaServerSettings;
import io.switchboard.media.server.MediaWebSocketServer;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.SpeechRecognizers;
import io.switchboard.media.stt.SttSettings;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
    /** What to close, last created first. */
    private final Deque<Step> closers;
    private Vertx vertx;
    private ControlPlane http;
    private MediaWebSocketServer media;
    private VoiceCalls calls;

    private Switchboard(ServerConfig config, Clock clock, Scheduling scheduling, SessionStore sessions,
                        DialogEngine engine, TextChannels text, Deque<Step> closers) {
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
        return open(config, (scheduling, sessions, llm, notifier) ->
                Receptionist.create(scheduling, sessions, llm, notifier, config.sessionTimeout()));
    }

    /**
     * Everything but HTTP, with the given engine.
     *
     * @throws io.switchboard.scheduling.profile.ProfileException when the business profile is unusable
     * @throws ConfigException                                    when a setting is unusable
     */
    public static Switchboard open(ServerConfig config, EngineFactory engines) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(engines, "engines");
        BusinessProfile profile = loadProfile(config);
        Clock clock = config.clock(profile.timezone());
        Deque<Step> closers = new ArrayDeque<>();
        try {
            Database database = Database.open(config.databaseSettings());
            closers.push(new Step("database", database::close));
            Scheduling scheduling = Scheduling.create(profile, clock, database);
            SessionStore sessions = openSessions(config, clock);
            closers.push(new Step("sessions", sessions::close));
            LlmFallback llm = LlmFallbacks.fromEnvironment(config.environment());
            closeIfCloseable("LLM fallback", llm, closers);
            TextChannels text = openTextChannels(config, scheduling);
            closers.push(new Step("text channels", text::close));
            Notifier notifier = text.notifier();
            DialogEngine engine = engines.create(scheduling, sessions, llm, notifier);
            closeIfCloseable("dialog engine", engine, closers);
            return new Switchboard(config, clock, scheduling, sessions, engine, text, closers);
        } catch (RuntimeException e) {
            closeAll(closers);
            throw e;
        }
    }

    /** The business profile the config names, or the bundled sample. */
    public static BusinessProfile loadProfile(ServerConfig config) {
        BusinessProfileLoader loader = new BusinessProfileLoader();
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
        try {
            sttSettings = SttSettings.fromEnvironment(env);
            voiceSettings = VoiceSettings.fromEnvironment(env);
            mediaSettings = MediaServerSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_STT_* / SWITCHBOARD_VAD_* / SWITCHBOARD_MEDIA_*", e.getMessage(), e);
        }
        SpeechRecognizer stt = SpeechRecognizers.start(sttSettings);
        closers.push(new Step("speech recognizer", stt::close));
        MaryTtsSynthesizer tts = MaryTtsSynthesizer.start();
        closers.push(new Step("speech synthesizer", tts::close));
        PromptCache prompts = PromptCache.preload(tts, CallPrompts.standard(scheduling.profile().name()));
        AnswerCheck answers = new AnswerCheck(scheduling.profile(), clock);
        calls = new VoiceCalls(new FollowUpEngine(engine, text.followUps()), stt, tts, prompts, voiceSettings)
                .withEarlyEnd(new EarlyEnd(AnswerCheck::applies, answers::answers));
        long warming = System.nanoTime();
        engine.warmUp();
        LOG.info("dialog engine warmed up in {} ms", (System.nanoTime() - warming) / 1_000_000);
        MediaWebSocketServer server = MediaWebSocketServer.start(mediaSettings, calls);
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
        ControlPlane plane = new ControlPlane(v, new HttpSettings(config.httpHost(), config.httpPort()),
                scheduling.profile().name());
        closers.push(new Step("HTTP", plane::close));
        ApiSecurity security = apiSecurity();
        SwitchboardApi.mount(plane, engine, scheduling, security);
        plane.mount(router -> text.mount(router, v, engine, security.limits()));
        voiceWebhook().ifPresent(webhook -> plane.mount(webhook::mount));
        plane.start();
        http = plane;
        plane.markReady();
        return plane;
    }

    /** The admin token (configured or generated and shared), the chat's web origins and the inbound rate limits. */
    private ApiSecurity apiSecurity() {
        try {
            return ApiSecurity.fromEnvironment(config.environment(), config.dataDir(), scheduling);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SWITCHBOARD_ADMIN_TOKEN / SWITCHBOARD_WEB_ORIGINS", e.getMessage(), e);
        }
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
            return Optional.of(TwilioVoiceWebhook.create(TwilioVoiceSettings.fromEnvironment(env)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("SWITCHBOARD_PUBLIC_URL / TWILIO_AUTH_TOKEN", e.getMessage(), e);
        }
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
            throw new ConfigException(ServerConfig.REDIS_URL, "not a usable Redis URL (redis://host:6379)", e);
        }
    }

    private static TextChannels openTextChannels(ServerConfig config, Scheduling scheduling) {
        try {
            return TextChannels.fromEnvironment(config.environment(), scheduling);
        } catch (IllegalStateException e) {
            throw new ConfigException("TWILIO_* / WHATSAPP_*", e.getMessage(), e);
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

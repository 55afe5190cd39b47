package io.switchboard.dialog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.switchboard.dialog.flow.Conversation;
import io.switchboard.dialog.flow.ConversationEngine;
import io.switchboard.dialog.flow.Hearing;
import io.switchboard.dialog.flow.Transition;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.session.KeyedLock;
import io.switchboard.dialog.session.SessionKey;
import io.switchboard.dialog.session.SessionStore;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link DialogEngine}: loads the caller's conversation, reads the message (rules first, the LLM only when
 * the rules are unsure), runs the flows, and saves the conversation. Messages of one caller are handled one at a
 * time; different callers in parallel.
 */
public final class Receptionist implements DialogEngine {

    private static final Logger LOG = LoggerFactory.getLogger(Receptionist.class);
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(15);

    private final Scheduling scheduling;
    private final SessionStore sessions;
    /** Built for the profile in force; rebuilt when the owner's settings change it (see {@link #hearing()}). */
    private volatile Hearing hearing;
    private final ConversationEngine engine;
    private final Duration sessionTimeout;
    private final KeyedLock<SessionKey> locks = new KeyedLock<>();
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Metrics metrics;
    private final LlmFallback llm;
    private final Notifier notifier;

    private final PhoneVerifier codes;

    private Receptionist(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier,
                         Duration sessionTimeout, Metrics metrics, PhoneVerifier codes) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.scheduling = scheduling;
        this.sessions = sessions;
        this.hearing = new Hearing(scheduling.profile(), llm);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.llm = llm;
        this.notifier = notifier;
        this.engine = new ConversationEngine(scheduling, notifier, metrics, codes);
        this.sessionTimeout = sessionTimeout;
    }

    public static Receptionist create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier) {
        return new Receptionist(scheduling, sessions, llm, notifier, DEFAULT_SESSION_TIMEOUT, Metrics.disabled(),
                PhoneVerifier.unavailable());
    }

    public static Receptionist create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier,
                                      Duration sessionTimeout) {
        return new Receptionist(scheduling, sessions, llm, notifier, sessionTimeout, Metrics.disabled(),
                PhoneVerifier.unavailable());
    }

    /** With conversations, bookings and session-store failures recorded into {@code metrics}. */
    public static Receptionist create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier,
                                      Duration sessionTimeout, Metrics metrics) {
        return new Receptionist(scheduling, sessions, llm, notifier, sessionTimeout, metrics,
                PhoneVerifier.unavailable());
    }

    /**
     * As above, with numbers proved by one-time codes through {@code codes} (a web visitor's number, a number a
     * caller names, the owner lifting a PIN lockout).
     */
    public static Receptionist create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier,
                                      Duration sessionTimeout, Metrics metrics, PhoneVerifier codes) {
        return new Receptionist(scheduling, sessions, llm, notifier, sessionTimeout, metrics, codes);
    }

    /**
     * The reading of messages for the profile in force now: an FAQ answer the owner changed is what the next reply
     * says. The profile is the same object until it changes, so this is one comparison per turn.
     */
    private Hearing hearing() {
        BusinessProfile now = scheduling.profile();
        Hearing h = hearing;
        if (h.profile() != now) {
            h = new Hearing(now, llm);
            hearing = h;
        }
        return h;
    }

    @Override
    public TurnResult begin(Channel channel, String sessionId, String from) {
        SessionKey key = new SessionKey(channel, sessionId);
        return locks.withLock(key, () -> {
            Transition step = engine.greet(Conversation.start(sessionId, channel, callerId(from)));
            save(key, step.next());
            return step.result();
        });
    }

    @Override
    public TurnResult handle(TurnRequest request) {
        SessionKey key = new SessionKey(request.channel(), request.sessionId());
        return locks.withLock(key, () -> {
            Conversation c = load(key).orElseGet(
                    () -> Conversation.start(request.sessionId(), request.channel(), callerId(request.from())));
            Transition step = engine.step(c, hearing().hear(request, c, scheduling.clock()), request.replyCut(),
                    request.client());
            save(key, step.next());
            TurnResult r = step.result();
            continueByText(r, step.next());
            LOG.info("turn {} -> {} ({} actions)", key, r.state().wireName(), r.actions().size());
            return r;
        });
    }

    /**
     * Under the caller's lock, so it reads a conversation no turn is half-way through; it writes nothing, so the lock
     * is all it shares with {@link #handle}. The commit is {@link #handle} itself: it loads the conversation as it is
     * by then and runs the turn with the real ports, so a commit after the conversation moved on applies to the
     * current state, and the lock orders it with every other turn of the caller.
     */
    @Override
    public Optional<PreviewedTurn> preview(TurnRequest request) {
        SessionKey key = new SessionKey(request.channel(), request.sessionId());
        Optional<TurnResult> previewed = locks.withLock(key, () -> {
            Optional<Conversation> stored;
            try {
                stored = read(key);
            } catch (RuntimeException e) {
                // Not counted as a store failure here: the turn itself, if it comes, reads again and counts.
                LOG.debug("no preview for {}: session store failed ({})", key, e.getClass().getSimpleName());
                return Optional.empty();
            }
            Conversation c = stored.orElseGet(
                    () -> Conversation.start(request.sessionId(), request.channel(), callerId(request.from())));
            return hearing().hearWithoutLlm(request, c, scheduling.clock())
                    .flatMap(heard -> engine.preview(c, heard, request.replyCut(), request.client()))
                    .map(Transition::result);
        });
        return previewed.map(result -> PreviewedTurn.of(request, result, this::handle));
    }

    /**
     * A call whose booking carries on by text: the conversation is handed to the caller's SMS session now, before
     * the text goes out, so their reply finds it (SMS sessions are keyed by the sender's number).
     */
    private void continueByText(TurnResult r, Conversation c) {
        for (DialogAction action : r.actions()) {
            if (action instanceof DialogAction.ContinuesByText byText) {
                SessionKey sms = new SessionKey(Channel.SMS, byText.phone());
                locks.withLock(sms, () -> {
                    save(sms, c.continuedIn(Channel.SMS, byText.phone()));
                    return null;
                });
            }
        }
    }

    @Override
    public void end(Channel channel, String sessionId) {
        SessionKey key = new SessionKey(channel, sessionId);
        locks.withLock(key, () -> {
            load(key).ifPresent(engine::ended);
            try {
                sessions.delete(key);
            } catch (RuntimeException e) {
                metrics.errors().record(DependencyKind.SESSION_STORE);
                throw e;
            }
            return null;
        });
    }

    @Override
    public void warmUp() {
        // A twin that records nothing: the warm-up conversation must not count as a caller's.
        new Receptionist(scheduling, sessions, llm, notifier, sessionTimeout, Metrics.disabled(), codes).warmUpHere();
    }

    private void warmUpHere() {
        String session = "warm-up-" + java.util.UUID.randomUUID();
        hearing().warmUp();
        try {
            preview(TurnRequest.text(Channel.VOICE, session, null, "i need a drain cleaning tomorrow morning"));
            handle(TurnRequest.text(Channel.VOICE, session, null, "i need a drain cleaning tomorrow morning"));
            handle(TurnRequest.text(Channel.VOICE, session, null, "what are your opening hours"));
        } finally {
            end(Channel.VOICE, session);
        }
    }

    private String callerId(String from) {
        return from == null ? null : scheduling.phones().toE164(from).orElse(null);
    }

    private Optional<Conversation> load(SessionKey key) {
        try {
            return read(key);
        } catch (RuntimeException e) {
            metrics.errors().record(DependencyKind.SESSION_STORE);
            throw e;
        }
    }

    /** The stored conversation; a store failure is thrown, not counted. */
    private Optional<Conversation> read(SessionKey key) {
        Optional<String> stored = sessions.load(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored.get(), Conversation.class));
        } catch (JsonProcessingException e) {
            // A session written by an older version, or damaged: start afresh rather than fail the caller.
            LOG.warn("discarding unreadable session {}: {}", key, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private void save(SessionKey key, Conversation c) {
        c.capMemory();
        String state;
        try {
            state = json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation state not serialisable", e);
        }
        try {
            sessions.save(key, state, sessionTimeout);
        } catch (RuntimeException e) {
            metrics.errors().record(DependencyKind.SESSION_STORE);
            throw e;
        }
    }
}

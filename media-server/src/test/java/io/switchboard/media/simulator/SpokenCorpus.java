package io.switchboard.media.simulator;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.testing.RecordingNotifier;
import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.media.call.FastCallDriver;
import io.switchboard.media.call.TurnTakingCounts;
import io.switchboard.media.call.DialogTurnPreview;
import io.switchboard.media.call.VoiceCalls;
import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.server.MediaServerSettings;
import io.switchboard.media.server.MediaStreamAuth;
import io.switchboard.media.server.MediaWebSocketServer;
import io.switchboard.media.stt.ExpectedSpeech;
import io.switchboard.media.stt.SpeechRecognizer;
import io.switchboard.media.stt.VoskSpeechRecognizer;
import io.switchboard.media.tts.MaryTtsSynthesizer;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.scheduling.booking.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The spoken-call corpus on a whole receptionist in this JVM: embedded PostgreSQL, the dialog, Vosk with its
 * second passes, MaryTTS, and the media WebSocket on loopback; the callers' audio is rendered before the server
 * speaks (MaryTTS's effects are set on the voice object the receptionist shares). In real time calls run one after
 * another, each on a fresh diary; on simulated time two lanes (each a receptionist with a diary of its own) take calls
 * side by side. Shared by the test (a few calls) and {@code bench corpus} (all of them).
 */
public final class SpokenCorpus implements AutoCloseable {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(25);
    private static final Duration FAST_REACTION = Duration.ofMillis(300);
    /** Simulated length after which a fast call is abandoned: far past any call the corpus means. */
    private static final Duration FAST_MAX_CALL = Duration.ofMinutes(6);
    private static final int MAX_FAST_LANES = 2;
    private static final Actor SETUP = new Actor(Channel.WEB, "corpus-setup");
    private static final String OTHER_CUSTOMER_TABLES =
            "TRUNCATE appointment, day_booking_count, customer, audit_log, calendar_outbox, owner_pin_failure,"
                    + " owner_lockout";

    private final SpeechRecognizer recognizer;
    /** The WebSocket for real-time calls, or null when the calls run on simulated time. */
    private final MediaWebSocketServer server;
    /** Where calls run: one lane in real time, {@link #fastLanes()} on simulated time. */
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Placed> calls;
    /** Per call, each line the caller may say, rendered before any call starts. */
    private final List<Map<String, CallerUtterance>> rendered;

    /** One call of a run: a caller's script in a voice. */
    public record Placed(SpokenCallScript script, CallerVoice voice) {
    }

    /**
     * A receptionist of its own (dialog, diary in its own schema, clock) and the runner that plays calls to it: calls
     * on one lane run one after another, each on a fresh diary, so lanes running side by side never see each other's
     * bookings and every call starts from the same state whatever ran beside it.
     */
    private record Lane(SchedulingFixture fixture, ObservedDialog dialog, SpokenCallRunner runner, VoiceCalls calls,
                        FastCallDriver driver) {
    }

    private SpokenCorpus(List<Placed> calls, boolean fast) {
        this.calls = List.copyOf(calls);
        this.rendered = render(this.calls);
        int laneCount = fast ? fastLanes() : 1;
        this.recognizer = SharedSpeech.vosk();
        MaryTtsSynthesizer synthesizer = SharedSpeech.mary();
        MediaWebSocketServer webSocket = null;
        PromptCache prompts = null;
        for (int l = 0; l < laneCount; l++) {
            SchedulingFixture fixture = new SchedulingFixture(TestProfiles.sample(), SpokenCallCorpus.NOW);
            // The corpus's business has SMS set up, as a Twilio number normally does: the owner is texted about
            // emergencies and hand-offs, and a caller whose name or address speech cannot carry is texted to type it.
            Receptionist receptionist = Receptionist.create(fixture.scheduling(),
                    new InMemorySessionStore(fixture.clock()), DisabledLlmFallback.INSTANCE,
                    new RecordingNotifier(true));
            receptionist.warmUp();
            ObservedDialog dialog = new ObservedDialog(receptionist);
            if (prompts == null) {
                prompts = SharedSpeech.standardPrompts(fixture.scheduling().profile().name());
            }
            AnswerCheck answers = new AnswerCheck(fixture.scheduling().profile(), fixture.clock());
            VoiceCalls voiceCalls = new VoiceCalls(dialog, recognizer, synthesizer, prompts, voiceSettings())
                    .withAnswerCheck(answers)
                    .withListening(new ExpectedSpeech(answers, fixture.scheduling().profile()))
                    // as the server wires it; -Dcorpus.speculate=false measures without speculative replies
                    .withTurnPreview(Boolean.parseBoolean(System.getProperty("corpus.speculate", "true"))
                            ? new DialogTurnPreview(dialog) : io.switchboard.media.call.TurnPreview.NONE);
            SpokenCallRunner runner;
            FastCallDriver driver = null;
            if (fast) {
                driver = new FastCallDriver(FAST_REACTION, FAST_MAX_CALL);
                runner = new FastSpokenCallRunner(driver, voiceCalls.withClock(driver.clock()), dialog);
            } else {
                webSocket = MediaWebSocketServer.start(MediaServerSettings.loopback(), voiceCalls,
                        MediaStreamAuth.unauthenticated());
                runner = new WebSocketCallRunner(webSocket.port(), dialog, REPLY_TIMEOUT);
            }
            lanes.add(new Lane(fixture, dialog, runner, voiceCalls, driver));
        }
        this.server = webSocket;
    }

    /**
     * The server's voice settings; {@code -Dcorpus.endOfTurnThreshold=X} measures the corpus at another end-of-turn
     * threshold (the server's {@code SWITCHBOARD_END_OF_TURN_THRESHOLD}).
     */
    private static VoiceSettings voiceSettings() {
        VoiceSettings d = VoiceSettings.defaults();
        String threshold = System.getProperty("corpus.endOfTurnThreshold");
        return threshold == null ? d : d.withEndOfTurn(d.endOfTurn().withThreshold(Double.parseDouble(threshold)));
    }

    /**
     * The real time each reply kept the line waiting after the caller's turn ended, over every call placed on simulated
     * time (see {@link io.switchboard.media.call.FastCallDriver.Result#replyWaitMillis()}); empty over WebSockets.
     */
    public List<Double> replyWaitMillis() {
        List<Double> all = new ArrayList<>();
        for (Lane lane : lanes) {
            if (lane.runner() instanceof FastSpokenCallRunner fast) {
                all.addAll(fast.replyWaitMillis());
            }
        }
        return all;
    }

    /** Replies to spoken turns, false cut-offs and speculations over every call this corpus has placed. */
    public TurnTakingCounts turnTaking() {
        long replies = 0, cutOffs = 0, hits = 0, misses = 0, discards = 0;
        for (Lane lane : lanes) {
            TurnTakingCounts c = lane.calls().turnTaking();
            replies += c.spokenReplies();
            cutOffs += c.falseCutOffs();
            hits += c.speculationHits();
            misses += c.speculationMisses();
            discards += c.speculationDiscards();
        }
        return new TurnTakingCounts(replies, cutOffs, hits, misses, discards);
    }

    /**
     * On simulated time, every spoken line's end-of-turn wait (its last voiced frame to its reply's first frame, ms;
     * {@link FastCallDriver#endOfTurnWaits()}); empty in real time.
     */
    public List<Integer> endOfTurnWaits() {
        List<Integer> out = new ArrayList<>();
        for (Lane lane : lanes) {
            if (lane.driver() != null) {
                out.addAll(lane.driver().endOfTurnWaits());
            }
        }
        return out;
    }

    /**
     * Calls side by side on simulated time: one per core, at most {@value #MAX_FAST_LANES} (a call is bound by Vosk on
     * its own thread, so a second lane uses the second core). {@code -Dcorpus.lanes=N} overrides it.
     */
    static int fastLanes() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("corpus.lanes", Math.min(MAX_FAST_LANES, cores)));
    }

    /**
     * Every call's lines, rendered before the receptionist speaks. MaryTTS renders are serialised by the voice itself;
     * the espeak-ng and flite ones are separate processes, so a second thread renders them meanwhile.
     */
    private static List<Map<String, CallerUtterance>> render(List<Placed> calls) {
        ExecutorService renderers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, CallerUtterance>>> pending = new ArrayList<>();
            for (Placed call : calls) {
                pending.add(renderers.submit(() -> {
                    Map<String, CallerUtterance> lines = new HashMap<>();
                    for (String line : SpokenCaller.lines(call.script())) {
                        lines.put(line, call.voice().utterance(line));
                    }
                    return lines;
                }));
            }
            List<Map<String, CallerUtterance>> out = new ArrayList<>();
            for (Future<Map<String, CallerUtterance>> f : pending) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering the callers' lines failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the callers' lines", e);
        } finally {
            renderers.shutdownNow();
        }
    }

    /** Renders every line of {@code scripts} (the i-th script in voice {@code i % voices}) and starts the server. */
    public static SpokenCorpus start(List<SpokenCallScript> scripts, List<CallerVoice> voices) {
        return new SpokenCorpus(roundRobin(scripts, voices), false);
    }

    /**
     * The same corpus through the call pipeline on simulated time, with no WebSocket: each call takes as long as
     * recognition, dialog and synthesis take (seconds), not as long as it lasts.
     */
    public static SpokenCorpus startFast(List<Placed> calls) {
        return new SpokenCorpus(calls, true);
    }

    /** The i-th script in voice {@code i % voices}. */
    public static List<Placed> roundRobin(List<SpokenCallScript> scripts, List<CallerVoice> voices) {
        List<Placed> out = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            out.add(new Placed(scripts.get(i), voices.get(i % voices.size())));
        }
        return out;
    }

    /** The business owner of the profile the corpus runs against (the owner callers' number and PIN). */
    public static io.switchboard.models.Owner owner() {
        return TestProfiles.sample().owner();
    }

    /** Plays every script and judges each; results in the order the calls were given. */
    public List<SpokenCallResult> runAll() throws Exception {
        SpokenCallResult[] results = new SpokenCallResult[calls.size()];
        AtomicInteger next = new AtomicInteger();
        if (lanes.size() == 1) {
            runLane(lanes.get(0), next, results);
            return List.of(results);
        }
        ExecutorService running = Executors.newFixedThreadPool(lanes.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Lane lane : lanes) {
                done.add(running.submit(() -> {
                    runLane(lane, next, results);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            running.shutdownNow();
        }
        return List.of(results);
    }

    /** Takes the next call not yet placed until none is left, each on a fresh diary of this lane. */
    private void runLane(Lane lane, AtomicInteger next, SpokenCallResult[] results) throws Exception {
        for (int i; (i = next.getAndIncrement()) < calls.size(); ) {
            SpokenCallScript s = calls.get(i).script();
            lane.fixture().database().dsl().execute(OTHER_CUSTOMER_TABLES);
            lane.fixture().clock().set(lane.fixture().at(SpokenCallCorpus.NOW));
            if (s.existing() != null) {
                preBook(lane.fixture(), s);
            }
            String callSid = String.format("CA%032x", 0xC0DE0000L + i);
            SpokenCallRunner.Played played = lane.runner().play(s, rendered.get(i), callSid);
            Optional<Expectation.Slot> texted = TextingCaller.handedOn(lane.dialog().of(callSid));
            if (texted.isPresent()) {
                played = TextingCaller.finish(s, lane.dialog(), texted.get(), played);
            }
            SpokenCallResult r = judge(lane.fixture(), s, calls.get(i).voice().id(), played,
                    lane.dialog().of(callSid));
            results[i] = r;
            StringBuilder report = new StringBuilder(String.format("[corpus] %s %s %s in %d turns%s%s%n", s.id(),
                    r.voice(), r.right() ? "RIGHT" : "WRONG", r.turns(),
                    r.fallbacks().isEmpty() ? "" : " " + r.fallbacks(), r.right() ? "" : ": " + r.why()));
            if (!r.right() || r.fallbacks().containsKey("by text")) {
                // wrong calls, and calls speech alone could not finish: the ones to read
                r.transcript().forEach(line -> report.append("[corpus]     ").append(line).append('\n'));
            }
            System.out.print(report); // one print per call, so lanes never interleave their lines
        }
    }

    private static void preBook(SchedulingFixture fixture, SpokenCallScript s) {
        BookingResult r = fixture.scheduling().bookings().book(new BookingRequest(null, s.existing().serviceId(),
                fixture.at(s.existing().start()), s.phone(), "Corpus Caller", "1 High Street, Bristol BS1 1AA",
                "booked earlier", false, SETUP));
        if (!(r instanceof BookingResult.Success)) {
            throw new IllegalStateException("could not set up " + s.id() + ": " + r);
        }
    }

    private static SpokenCallResult judge(SchedulingFixture fixture, SpokenCallScript s, String voice,
                                          SpokenCallRunner.Played played,
                                          List<ObservedDialog.Exchange> conversation) {
        List<Appointment> booked = fixture.scheduling().appointments().bookedForPhone(s.phone(), Instant.EPOCH);
        Map<String, Boolean> slots = new LinkedHashMap<>();
        String why = "";
        SpokenCallScript.Expected e = s.expected();
        switch (s.kind()) {
            case BOOKING, RESCHEDULE -> {
                Appointment a = booked.size() == 1 ? booked.get(0) : null;
                ZonedDateTime start = e.start() == null ? null : fixture.at(e.start());
                slots.put("service", a != null && a.serviceId().equals(e.serviceId()));
                slots.put("time", a != null && a.slot().start().equals(start));
                if (e.name() != null) {
                    slots.put("name", a != null && a.customer().name() != null
                            && a.customer().name().toLowerCase(Locale.ROOT).equals(e.name()));
                }
                if (e.address() != null) {
                    // the house number and the street ("12 park road"): the town and postcode are not asked for
                    slots.put("address", a != null && a.address() != null
                            && a.address().toLowerCase(Locale.ROOT).contains(SpokenCaller.written(e.address())));
                }
                if (a == null) {
                    why = booked.size() + " appointments for the caller";
                } else {
                    // a plumber sent to the wrong street is a wrong booking, however right the rest is
                    List<String> wrong = slots.entrySet().stream().filter(x -> !x.getValue()).map(Map.Entry::getKey)
                            .toList();
                    why = wrong.isEmpty() ? "" : "wrong " + wrong + ": " + a.serviceId() + " " + a.slot().start()
                            + " " + a.customer().name() + " / " + a.address();
                }
            }
            case CANCEL -> why = booked.isEmpty() ? "" : "still booked";
            case EMERGENCY -> why = conversation.stream().anyMatch(x -> x.result().has(DialogAction.EmergencyFlagged.class)
                    || x.result().has(DialogAction.OwnerNotified.class)) ? "" : "no emergency raised";
            case OWNER -> why = conversation.stream().anyMatch(x -> x.result().state() == DialogState.OWNER_BRIEFING)
                    ? "" : "owner never reached the diary";
        }
        if (played.looped()) {
            why = "loop: " + played.failure();
        } else if (why.isEmpty() && played.failure() != null) {
            why = played.failure();
        }
        Map<String, Integer> fallbacks = new LinkedHashMap<>(played.fallbacks());
        long messages = conversation.stream().filter(x -> x.result().has(DialogAction.MessageForOwner.class)).count();
        if (messages > 0) {
            fallbacks.put("message for owner", (int) messages);
        }
        return new SpokenCallResult(s, voice, why.isEmpty(), why, played.turns(), played.looped(), fallbacks, slots,
                played.transcript());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        lanes.forEach(lane -> lane.fixture().close());
    }
}

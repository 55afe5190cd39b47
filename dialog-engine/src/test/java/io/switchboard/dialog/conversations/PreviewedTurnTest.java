package io.switchboard.dialog.conversations;

import io.switchboard.dialog.testing.RecordingNotifier;
import io.switchboard.dialog.testing.TextedCodes;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.PreviewedTurn;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.LlmContext;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.llm.LlmInterpretation;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.dialog.session.SessionKey;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dialog's preview ({@code DialogEngine.preview}): a turn computed with no effect at all, for every kind of turn,
 * and its commit, which is the real turn, once, on the conversation as it stands then.
 */
class PreviewedTurnTest {

    private static final String CALLER = "+447700900123";
    private static final String OWNER = "+447700900999";
    private static final String CALL = "CA-preview-1";
    /** Every table a turn may write to. */
    private static final List<String> TABLES = List.of("appointment", "audit_log", "calendar_outbox", "customer",
            "day_booking_count", "one_time_code", "owner_pin_failure", "owner_lockout", "owner_alert");

    private final SchedulingFixture fx = new SchedulingFixture(TestProfiles.sample(), CallerScript.MONDAY_9AM);
    private final InMemorySessionStore sessions = new InMemorySessionStore(fx.clock());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Every alert, hand-off and lockout notice the engines sent; the deployment can text callers. */
    private final RecordingNotifier notifier = new RecordingNotifier(true);
    private final AtomicInteger llmCalls = new AtomicInteger();
    private final TextedCodes codes = new TextedCodes(new OneTimeCodes(fx.database().dsl(), fx.clock(),
            CodePolicy.forRegion("GB")));
    private final Receptionist engine = Receptionist.create(fx.scheduling(), sessions, new CountingLlm(),
            notifier, Receptionist.DEFAULT_SESSION_TIMEOUT, new Metrics(registry), codes);
    private final List<String> transcript = new ArrayList<>();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aQuestionIsPreviewedWithNoEffectAndCommittedAsTheSameReply() {
        voice("hello");
        Effects before = effects(Channel.VOICE, CALL);

        PreviewedTurn p = previewed(voice("what are your opening hours?", false));

        assertThat(effects(Channel.VOICE, CALL)).as(transcript()).isEqualTo(before);
        TurnResult committed = p.commit();
        assertThat(committed.reply()).isEqualTo(p.result().reply());
        assertThat(sessionOf(Channel.VOICE, CALL)).as("the commit saved the turn").isNotEqualTo(before.session());
    }

    @Test
    void theFirstMessageOfACallIsPreviewedWithoutStartingTheConversation() {
        Effects before = effects(Channel.VOICE, CALL);
        assertThat(before.session()).isEmpty();

        PreviewedTurn p = previewed(voice("i need a drain cleaning tomorrow morning", false));

        assertThat(effects(Channel.VOICE, CALL)).as("no session, no conversation counted").isEqualTo(before);
        assertThat(p.result().slots().service()).isEqualTo("drain-cleaning");
        assertThat(p.commit().reply()).isEqualTo(p.result().reply());
        assertThat(registry.find(Metrics.PREFIX + "conversations.started").counters().stream()
                .mapToDouble(c -> c.count()).sum()).as("counted by the commit, once").isEqualTo(1.0);
    }

    @Test
    void eachStepOfABookingBeforeTheYesIsPreviewedWithNoEffect() {
        for (String line : List.of("i need a general repair tomorrow at nine a m", "my name is peter jones", "yes",
                "four the mall clifton bristol bs8 4dr")) {
            Effects before = effects(Channel.VOICE, CALL);
            PreviewedTurn p = previewed(voice(line, false));
            assertThat(effects(Channel.VOICE, CALL)).as(transcript()).isEqualTo(before);
            TurnResult committed = p.commit();
            assertThat(committed.reply()).as(transcript()).isEqualTo(p.result().reply());
            transcript.add("voice -> " + line + "\n   <- [" + committed.state().wireName() + "] " + committed.reply());
        }
        assertThat(fx.count("select count(*) from appointment")).isZero();
    }

    @Test
    void theYesThatWouldBookHasNoPreviewAndBooksOnceWhenHandled() {
        reachConfirmation();
        Effects before = effects(Channel.VOICE, CALL);

        assertThat(engine.preview(request("yes"))).as(transcript()).isEmpty();

        assertThat(effects(Channel.VOICE, CALL)).isEqualTo(before);
        assertThat(fx.count("select count(*) from appointment")).isZero();
        TurnResult booked = voice("yes");
        assertThat(booked.state()).as(transcript()).isEqualTo(DialogState.BOOKED);
        assertThat(fx.count("select count(*) from appointment")).isEqualTo(1);
    }

    @Test
    void anEmergencyThatWouldAlertTheOwnerHasNoPreview() {
        Effects before = effects(Channel.VOICE, CALL);

        assertThat(engine.preview(request("help, a burst pipe is flooding my kitchen!"))).isEmpty();

        assertThat(effects(Channel.VOICE, CALL)).isEqualTo(before);
        assertThat(notifier.sent()).isZero();
    }

    @Test
    void askingForAPersonHasNoPreviewAndTellsNobody() {
        sms("hello");
        Effects before = effects(Channel.SMS, CALLER);

        assertThat(engine.preview(TurnRequest.text(Channel.SMS, CALLER, CALLER, "can I speak to a real person")))
                .isEmpty();
        assertThat(engine.preview(TurnRequest.text(Channel.SMS, CALLER, CALLER, "can someone just call me back")))
                .isEmpty();

        assertThat(effects(Channel.SMS, CALLER)).isEqualTo(before);
        assertThat(notifier.sent()).isZero();
    }

    @Test
    void aCallersMessageForTheOwnerIsNotPreviewedWhileAskingForItIs() {
        PreviewedTurn ask = previewed(voice("can I talk to a real person", false));
        assertThat(ask.result().reply()).as("outside transfer hours: a message is asked for, nothing sent yet")
                .contains("Please tell me your message");
        ask.commit();
        Effects before = effects(Channel.VOICE, CALL);

        assertThat(engine.preview(request("please call me after five about the quote"))).isEmpty();

        assertThat(effects(Channel.VOICE, CALL)).isEqualTo(before);
        assertThat(notifier.sent()).isZero();
    }

    @Test
    void aTurnThatWouldTextACodeHasNoPreviewAndIssuesNone() {
        book(CALLER);
        web("cancel my booking");
        Effects before = effects(Channel.WEB, "chat-web:v1");

        assertThat(engine.preview(webRequest("07700 900123"))).as(transcript()).isEmpty();

        assertThat(effects(Channel.WEB, "chat-web:v1")).isEqualTo(before);
        assertThat(codes.textsSent()).isZero();
    }

    @Test
    void aCancellationOrAMoveIsNotPreviewedAndHappensOnlyWhenHandled() {
        UUID id = book(CALLER);
        sms("I need to cancel my booking");
        Effects before = effects(Channel.SMS, CALLER);

        assertThat(engine.preview(TurnRequest.text(Channel.SMS, CALLER, CALLER, "yes"))).as(transcript()).isEmpty();
        assertThat(effects(Channel.SMS, CALLER)).isEqualTo(before);
        assertThat(fx.scheduling().appointments().find(id).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);

        sms("actually no, can we move it to thursday at 2pm instead");
        Effects asked = effects(Channel.SMS, CALLER);
        assertThat(engine.preview(TurnRequest.text(Channel.SMS, CALLER, CALLER, "yes"))).as(transcript()).isEmpty();
        assertThat(effects(Channel.SMS, CALLER)).isEqualTo(asked);
    }

    @Test
    void theOwnersPinIsNotPreviewedSoNoAttemptIsCounted() {
        PreviewedTurn ask = previewed(TurnRequest.text(Channel.SMS, OWNER, OWNER, "what's on my schedule tomorrow?"));
        assertThat(ask.commit().state()).isEqualTo(DialogState.VERIFYING_OWNER);
        Effects before = effects(Channel.SMS, OWNER);

        assertThat(engine.preview(TurnRequest.text(Channel.SMS, OWNER, OWNER, "111111"))).isEmpty();
        assertThat(engine.preview(TurnRequest.text(Channel.SMS, OWNER, OWNER, "482916"))).isEmpty();

        assertThat(effects(Channel.SMS, OWNER)).isEqualTo(before);
    }

    @Test
    void wordsTheRulesCannotReadAreNotPreviewedSinceThatWouldAskTheLlm() {
        voice("hello");
        Effects before = effects(Channel.VOICE, CALL);

        assertThat(engine.preview(request("the thing with the whatsit by the back bit"))).isEmpty();

        assertThat(llmCalls).as("a preview never asks the model").hasValue(0);
        assertThat(effects(Channel.VOICE, CALL)).isEqualTo(before);
        voice("the thing with the whatsit by the back bit");
        assertThat(llmCalls).as("the real turn does (the test can fail)").hasValue(1);
    }

    @Test
    void aPreviewIsCommittedOnceEvenWhenTwoThreadsTry() throws Exception {
        voice("hello");
        PreviewedTurn p = previewed(voice("i need a drain cleaning tomorrow morning", false));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    try {
                        p.commit();
                        return true;
                    } catch (IllegalStateException once) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int applied = 0;
            for (Future<Boolean> t : tries) {
                applied += t.get() ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Receptionist once = Receptionist.create(fx.scheduling(), sessions, new CountingLlm(), notifier);
        once.handle(TurnRequest.text(Channel.VOICE, "CA-reference", CALLER, "hello"));
        once.handle(TurnRequest.text(Channel.VOICE, "CA-reference", CALLER, "i need a drain cleaning tomorrow morning"));
        assertThat(mentions(sessionOf(Channel.VOICE, CALL).orElseThrow()))
                .as("remembered as often as by one turn")
                .isEqualTo(mentions(sessionOf(Channel.VOICE, "CA-reference").orElseThrow()));
        assertThatThrownBy(p::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommitAfterTheConversationMovedOnAppliesToTheCurrentState() {
        PreviewedTurn question = previewed(voice("what are your opening hours?", false));
        assertThat(question.result().slots().service()).isNull();

        voice("i need a general repair tomorrow at nine a m");
        TurnResult committed = question.commit();

        assertThat(committed.slots().service()).as("the booking said meanwhile is kept\n" + transcript())
                .isEqualTo("general-repair");
        assertThat(committed.reply()).as("answered, and the booking resumes").startsWith(question.result().reply()
                .substring(0, 20)).isNotEqualTo(question.result().reply());
        assertThat(sessionOf(Channel.VOICE, CALL).orElseThrow()).contains("general repair tomorrow")
                .contains("opening hours");
    }

    private static int mentions(String session) {
        return session.split("drain cleaning tomorrow morning", -1).length - 1;
    }

    @Test
    void theCommitWeighsTheAlternativesHeardAfterThePreview() {
        voice("i need a general repair tomorrow at nine a m");
        // previewed on a partial result: one hypothesis only
        PreviewedTurn p = previewed(voice("my name is johnson said", false));
        assertThat(p.result().slots().name()).as(transcript()).isEqualTo("Johnson Said");

        // the recogniser's final result carries its n-best list; the commit is read with it
        TurnResult committed = p.commit(request("my name is johnson said").withAlternatives(List.of(
                "my name is johnson said", "my name is john said", "my name is john smith")));

        assertThat(committed.slots().name()).as(transcript()).isEqualTo("John Smith");
        assertThat(sessionOf(Channel.VOICE, CALL).orElseThrow()).contains("John Smith");
    }

    @Test
    void aPreviewOfAConversationThatMovedOnSinceIsOfTheStateItWasMadeOn() {
        voice("i need a general repair tomorrow at nine a m");
        PreviewedTurn p = previewed(voice("my name is peter jones", false));
        Effects before = effects(Channel.VOICE, CALL);
        assertThat(p.result().slots().service()).isEqualTo("general-repair");
        assertThat(effects(Channel.VOICE, CALL)).isEqualTo(before);
    }

    // --- the engine's surroundings, each recording what was done to it

    /** Everything a turn can change, so "no effect" is one comparison. */
    private record Effects(Optional<String> session, Map<String, Integer> rows, Map<String, Double> meters,
                           int notified, int codesSent, int llmCalls) {
    }

    private Effects effects(Channel channel, String session) {
        Map<String, Integer> rows = new TreeMap<>();
        for (String table : TABLES) {
            rows.put(table, fx.count("select count(*) from " + table));
        }
        Map<String, Double> meters = new TreeMap<>();
        for (Meter m : registry.getMeters()) {
            double sum = 0;
            for (Measurement measurement : m.measure()) {
                sum += measurement.getValue();
            }
            meters.put(m.getId().toString(), sum);
        }
        int sent = codes.textsSent();
        return new Effects(sessionOf(channel, session), rows, meters, notifier.sent(), sent, llmCalls.get());
    }

    private Optional<String> sessionOf(Channel channel, String session) {
        return sessions.load(new SessionKey(channel, session));
    }

    private PreviewedTurn previewed(TurnRequest request) {
        Optional<PreviewedTurn> p = engine.preview(request);
        assertThat(p).as("a preview of '" + request.text() + "'\n" + transcript()).isPresent();
        return p.get();
    }

    /** The request for {@code text} on the call, handled when {@code handle}, else only built. */
    private TurnRequest voice(String text, boolean handle) {
        TurnRequest r = request(text);
        if (handle) {
            TurnResult result = engine.handle(r);
            transcript.add("voice -> " + text + "\n   <- [" + result.state().wireName() + "] " + result.reply());
        }
        return r;
    }

    private TurnResult voice(String text) {
        TurnResult result = engine.handle(request(text));
        transcript.add("voice -> " + text + "\n   <- [" + result.state().wireName() + "] " + result.reply());
        return result;
    }

    private static TurnRequest request(String text) {
        return TurnRequest.text(Channel.VOICE, CALL, CALLER, text);
    }

    private TurnResult sms(String text) {
        TurnResult result = engine.handle(TurnRequest.text(Channel.SMS, CALLER, CALLER, text));
        transcript.add("sms -> " + text + "\n   <- [" + result.state().wireName() + "] " + result.reply());
        return result;
    }

    private static TurnRequest webRequest(String text) {
        return TurnRequest.typed(Channel.WEB, "chat-web:v1", Identity.none(), text).fromClient("198.51.100.2");
    }

    private TurnResult web(String text) {
        TurnResult result = engine.handle(webRequest(text));
        transcript.add("web -> " + text + "\n   <- [" + result.state().wireName() + "] " + result.reply());
        return result;
    }

    private void reachConfirmation() {
        voice("i need a general repair tomorrow at nine a m");
        voice("my name is peter jones");
        voice("yes");
        TurnResult confirm = voice("four the mall clifton bristol bs8 4dr");
        assertThat(confirm.state()).as(transcript()).isEqualTo(DialogState.AWAITING_CONFIRMATION);
    }

    private UUID book(String phone) {
        BookingResult r = fx.scheduling().bookings().book(new BookingRequest(null, "general-repair",
                fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)), phone, "Jane Doe", "1 Test Street, Bristol", "test",
                false, SchedulingFixture.TEST_ACTOR));
        assertThat(r).isInstanceOf(BookingResult.Success.class);
        return ((BookingResult.Success) r).appointment().id();
    }

    private String transcript() {
        return String.join("\n", transcript);
    }

    /** Configured (so the rules' doubt would ask it) and never able to answer: counts the calls. */
    private final class CountingLlm implements LlmFallback {
        @Override
        public Optional<LlmInterpretation> interpret(String userText, LlmContext context) {
            llmCalls.incrementAndGet();
            return Optional.empty();
        }
    }
}

package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.HandOffNote;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.llm.DisabledLlmFallback;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.testing.RecordingNotifier;
import io.switchboard.dialog.session.InMemorySessionStore;
import io.switchboard.models.Appointment;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted caller against the real engine over a real (embedded) database: each line is one message,
 * every reply is kept so a failing assertion can show the whole conversation.
 */
final class CallerScript implements AutoCloseable {

    /** Monday 23 November 2026, 09:00 in Bristol. */
    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 23, 9, 0);
    static final String CALLER = "+447700900123";

    final SchedulingFixture fx;
    final DialogEngine engine;
    final RecordingNotifier notifier;
    final List<EmergencyAlert> alerts;
    final List<OwnerLockedAlert> lockouts;
    final List<HandOffNote> handOffs;
    final List<String> transcript = new ArrayList<>();

    CallerScript() {
        this(DisabledLlmFallback.INSTANCE);
    }

    CallerScript(LlmFallback llm) {
        this(TestProfiles.sample(), llm, false);
    }

    /** Another business, or a deployment that can ({@code texts}) or cannot text callers. */
    CallerScript(BusinessProfile profile, LlmFallback llm, boolean texts) {
        fx = new SchedulingFixture(profile, MONDAY_9AM);
        notifier = new RecordingNotifier(texts);
        alerts = notifier.alerts;
        lockouts = notifier.lockouts;
        handOffs = notifier.handOffs;
        engine = Receptionist.create(fx.scheduling(), new InMemorySessionStore(fx.clock()), llm, notifier);
    }

    TurnResult begin(Channel channel, String session, String from) {
        TurnResult r = engine.begin(channel, session, from);
        transcript.add("   <- " + r.reply());
        return r;
    }

    TurnResult say(Channel channel, String session, String from, String text) {
        transcript.add(channel.wireName() + " -> " + text);
        TurnResult r = engine.handle(TurnRequest.text(channel, session, from, text));
        transcript.add("   <- [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    /** A message spoken over the end of the previous reply (a barge-in that cut its question short). */
    TurnResult voiceOver(String text) {
        transcript.add("voice (barge-in) -> " + text);
        TurnResult r = engine.handle(TurnRequest.text(Channel.VOICE, "CA-call-1", CALLER, text).afterCutReply());
        transcript.add("   <- [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    TurnResult sms(String text) {
        return say(Channel.SMS, CALLER, CALLER, text);
    }

    TurnResult voice(String text) {
        return say(Channel.VOICE, "CA-call-1", CALLER, text);
    }

    TurnResult keys(Channel channel, String session, String from, String digits) {
        transcript.add(channel.wireName() + " -> [dtmf " + digits + "]");
        TurnResult r = engine.handle(TurnRequest.digits(channel, session, from, digits));
        transcript.add("   <- [" + r.state().wireName() + "] " + r.reply());
        return r;
    }

    List<Appointment> booked() {
        return fx.scheduling().appointments().startingBetween(fx.clock().instant(),
                fx.clock().instant().plusSeconds(90L * 24 * 3600)).stream()
                .filter(a -> a.status().holdsSlot()).toList();
    }

    ZonedDateTime at(LocalDateTime local) {
        return fx.at(local);
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    @Override
    public void close() {
        fx.close();
    }
}

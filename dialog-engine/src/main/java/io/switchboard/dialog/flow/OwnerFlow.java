package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.OwnerLockedAlert;
import io.switchboard.dialog.phrasing.CodePhrasing;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Appointment;
import io.switchboard.models.PartOfDay;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.owner.OwnerLockout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The owner's briefing: a caller from the owner's number gives the PIN, then asks about the schedule
 * ("what's on tomorrow", "any emergencies this afternoon", "read me my first appointment for monday").
 * Answers come from the stored appointments only.
 *
 * <p>The owner's number alone never opens the briefing, on any channel: the PIN is asked in every conversation. Wrong
 * PINs are counted by {@link OwnerLockout} per owner across all sessions, channels and instances; while it is locked
 * all owner access is refused, the right PIN included, and a session verified earlier loses its access too. One
 * conversation still ends after {@value #MAX_PIN_ATTEMPTS} wrong PINs.
 *
 * <p>Caller ID can be spoofed, so a lockout may have been tripped by someone else: with SMS configured the owner can
 * lift it by asking for an unlock code, which is texted to the owner's number from the profile (never to the number
 * the request came from), and typing it back. The PIN is still asked afterwards.
 */
final class OwnerFlow {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerFlow.class);
    private static final int MAX_PIN_ATTEMPTS = 3;
    private static final int SPOKEN_LINES = 3;
    private static final int TEXT_LINES = 6;

    private static final Pattern UNLOCK = Pattern.compile("\\bunlock\\b");

    private final PinAttempts lockout;
    private final CodeFlow codes;

    OwnerFlow(PinAttempts lockout, CodeFlow codes) {
        this.lockout = lockout;
        this.codes = codes;
    }

    /** The owner's number asks to lift the lockout ("unlock"), and an unlock code could be texted. */
    boolean asksToUnlock(Turn t) {
        return codes.available() && isOwner(t) && UNLOCK.matcher(t.heard.text().toLowerCase(Locale.ROOT)).find();
    }

    /** Texts an unlock code to the owner's own number while owner access is locked; otherwise asks for the PIN. */
    void sendUnlockCode(Turn t) {
        Conversation c = t.conv;
        t.understood = true;
        if (lockout.lockedUntil(ownerKey(t)).isEmpty()) {
            requestPin(t, null); // nothing to lift
            return;
        }
        c.topic = io.switchboard.models.Intent.OWNER_BRIEFING;
        c.ownerVerified = false;
        if (!codes.send(t, ownerKey(t), CodePurpose.OWNER_UNLOCK)) {
            t.say(t.say.ownerAccessPaused());
            c.state = DialogState.FAILED;
            c.expecting = Expectation.NONE;
        }
    }

    /** The unlock code checked out: the lockout is lifted and the PIN asked for, as always. */
    void unlocked(Turn t) {
        boolean wasLocked = lockout.lift(ownerKey(t));
        LOG.warn("owner access lockout {} by an unlock code texted to the owner", wasLocked ? "lifted" : "already over");
        t.conv.pinAttempts = 0;
        t.say(CodePhrasing.forChannel(t.conv.channel).unlocked());
        requestPin(t, null);
    }

    boolean isOwner(Turn t) {
        String owner = t.profile().owner().phone();
        return owner.equals(t.conv.callerId);
    }

    /** The owner opened with a schedule question: ask for the PIN first and answer it afterwards. */
    void requestPin(Turn t, String pendingQuestion) {
        if (refusedWhileLocked(t)) {
            return;
        }
        t.conv.topic = io.switchboard.models.Intent.OWNER_BRIEFING;
        t.conv.pendingOwnerQuestion = pendingQuestion;
        t.conv.pendingOwnerTimes = pendingQuestion == null ? new ArrayList<>() : new ArrayList<>(t.heard.times());
        t.ask(t.say.ownerGreeting(t.profile().owner().name()), Expectation.PIN, DialogState.VERIFYING_OWNER);
    }

    void verify(Turn t) {
        Conversation c = t.conv;
        if (refusedWhileLocked(t)) {
            return;
        }
        String digits = t.heard.digits() == null ? "" : t.heard.digits().replaceAll("\\D", "");
        if (digits.isEmpty()) {
            t.ask(t.say.ownerGreeting(t.profile().owner().name()), Expectation.PIN, DialogState.VERIFYING_OWNER);
            return;
        }
        if (constantTimeEquals(digits, t.profile().owner().pin())) {
            lockout.recordSuccess(ownerKey(t));
            c.ownerVerified = true;
            c.pinAttempts = 0;
            c.state = DialogState.OWNER_BRIEFING;
            c.expecting = Expectation.NONE;
            String pending = c.pendingOwnerQuestion;
            List<TimePreference> pendingTimes = c.pendingOwnerTimes;
            c.pendingOwnerQuestion = null;
            c.pendingOwnerTimes = new ArrayList<>();
            if (pending != null && !pending.isBlank()) {
                t.say(t.say.ownerReady(t.profile().owner().name()).split("\\.")[0] + ".");
                answer(t, pending, pendingTimes);
            } else {
                t.say(t.say.ownerReady(t.profile().owner().name()));
            }
            return;
        }
        c.pinAttempts++;
        OwnerLockout.Failure failure = lockout.recordFailure(ownerKey(t), c.channel);
        if (failure instanceof OwnerLockout.Failure.LockedNow now) {
            LOG.warn("owner access locked until {} after {} wrong PINs (last on {})", now.until(),
                    OwnerLockout.MAX_FAILURES, c.channel.wireName());
            alertOwner(t, now.until());
        }
        if (!(failure instanceof OwnerLockout.Failure.TryAgain)) {
            refuse(t);
            return;
        }
        if (c.pinAttempts >= MAX_PIN_ATTEMPTS) {
            t.say(t.say.pinLocked());
            c.state = DialogState.FAILED;
            c.expecting = Expectation.NONE;
            c.pendingOwnerQuestion = null;
            c.pendingOwnerTimes = new ArrayList<>();
            return;
        }
        t.ask(t.say.pinWrong(MAX_PIN_ATTEMPTS - c.pinAttempts), Expectation.PIN, DialogState.VERIFYING_OWNER);
    }

    /** Answers one schedule question from the stored appointments. */
    void answer(Turn t, String question, List<TimePreference> heardTimes) {
        if (refusedWhileLocked(t)) {
            return;
        }
        String q = question.toLowerCase(Locale.ROOT);
        TimePreference when = heardTimes == null || heardTimes.isEmpty() ? null : heardTimes.get(0);
        LocalDate day = when != null && when.date() != null ? when.date() : t.today();
        PartOfDay part = when != null ? when.partOfDay() : null;
        boolean emergenciesOnly = q.contains("emergenc") || q.contains("urgent");
        boolean firstOnly = q.contains("first");
        boolean nextOnly = q.contains("next") && !q.contains("next week") && (when == null || when.date() == null);

        List<Appointment> jobs = new ArrayList<>();
        var zone = t.profile().timezone();
        for (Appointment a : t.scheduling.appointments().startingBetween(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant())) {
            LocalTime start = a.slot().start().toLocalTime();
            if (!a.status().holdsSlot()
                    || (part != null && !part.contains(start))
                    || (emergenciesOnly && !a.emergency())
                    || (nextOnly && day.equals(t.today()) && a.slot().start().isBefore(t.now))) {
                continue;
            }
            jobs.add(a);
        }
        if ((firstOnly || nextOnly) && !jobs.isEmpty()) {
            jobs = List.of(jobs.get(0));
        }
        String label = label(t, day, part, emergenciesOnly);
        int max = t.conv.channel.isSpoken() ? SPOKEN_LINES : TEXT_LINES;
        List<String> lines = jobs.stream().limit(max)
                .map(a -> t.say.briefingLine(a, t.serviceName(a.serviceId()), t.today())).toList();
        t.say(t.say.briefing(label, lines, jobs.size()));
        t.conv.state = DialogState.OWNER_BRIEFING;
        t.conv.expecting = Expectation.NONE;
    }

    /** While owner access is locked, refuses this turn and drops any access the conversation had. */
    private boolean refusedWhileLocked(Turn t) {
        Optional<Instant> until = lockout.lockedUntil(ownerKey(t));
        if (until.isEmpty()) {
            return false;
        }
        refuse(t);
        return true;
    }

    private void refuse(Turn t) {
        Conversation c = t.conv;
        c.ownerVerified = false;
        c.pendingOwnerQuestion = null;
        c.pendingOwnerTimes = new ArrayList<>();
        t.say(t.say.ownerAccessPaused());
        if (codes.available() && isOwner(t)) {
            t.say(CodePhrasing.forChannel(c.channel).offerUnlock());
        }
        c.state = DialogState.FAILED;
        c.expecting = Expectation.NONE;
    }

    private static void alertOwner(Turn t, Instant until) {
        try {
            t.notifier.ownerAccessLocked(new OwnerLockedAlert(until, t.conv.channel));
        } catch (RuntimeException e) {
            LOG.error("owner lockout alert failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The owner's identity for the lockout: their number from the profile, whichever channel the guess came on. */
    private static String ownerKey(Turn t) {
        return t.profile().owner().phone();
    }

    private static String label(Turn t, LocalDate day, PartOfDay part, boolean emergencies) {
        String dayText = t.say.day(day, t.today());
        String when;
        if (part != null) {
            String p = part.name().toLowerCase(Locale.ROOT);
            when = dayText.equals("today") ? "this " + p : dayText + " " + p;
        } else {
            when = dayText.equals("today") || dayText.equals("tomorrow") ? dayText : "on " + dayText;
        }
        return emergencies ? "for emergencies " + when : when;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

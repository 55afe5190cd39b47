package io.switchboard.media.call;

import io.switchboard.media.simulator.CallerUtterance;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a whole call through the real pipeline on simulated time, with no WebSocket and no real-time waits: the
 * driver's thread is the call's thread, and each step streams one 20 ms caller frame (a line of the script, or the
 * line's silence) and moves the clock 20 ms. The frame is recognised before the next one is sent, so the caller
 * speaks exactly as fast as recognition takes it. Simulated time stands still while the receptionist thinks
 * (dialog, synthesis): the clock moves only when the speaking thread is idle or waiting for its audio to play, so
 * re-prompt timers and barge-in see the same timeline a real call would, just without the waiting.
 *
 * <p>Marks are echoed when the simulated playback reaches them and {@code clear} drops what was not played, as
 * Twilio does. Each line is said after the previous reply has played out and a short pause; the call ends when the
 * receptionist hangs up, or after the last line's reply. The {@link VoiceCalls} given must use this driver's clock
 * ({@link #clock()}).
 */
public final class FastCallDriver {

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final byte[] SILENCE = silence();
    /** After the last reply, how long (real time) the caller stays on the line for the receptionist to hang up. */
    /** Frames between two keyed digits (100 ms). */
    private static final int KEY_GAP_FRAMES = 5;
    private static final long CALLER_HANG_UP_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final SimulatedClock clock = new SimulatedClock();
    /** Every spoken line's end-of-turn wait on this driver, ms: see {@link #endOfTurnWaits()}. */
    private final List<Integer> waits = new CopyOnWriteArrayList<>();
    private final Duration reactionPause;
    private final Duration maxCall;

    /**
     * @param reactionPause the caller's pause between the end of a reply and their next line
     * @param maxCall       simulated length after which the call is abandoned
     */
    public FastCallDriver(Duration reactionPause, Duration maxCall) {
        this.reactionPause = reactionPause;
        this.maxCall = maxCall;
    }

    /**
     * For every spoken line of every call so far whose reply began after it: simulated time from the line's last
     * voiced frame ({@link CallerUtterance#lastVoicedFrame()}) to the reply's first frame, in ms. Simulated time stands
     * still while the receptionist thinks, so this is the end-of-turn decision's wait alone, without the server's own
     * work; lines the reply started before the end of (a cut-off) are not in it.
     */
    public List<Integer> endOfTurnWaits() {
        return List.copyOf(waits);
    }

    /** The clock to give the {@link VoiceCalls} this driver runs calls on. */
    public CallClock clock() {
        return clock;
    }

    /**
     * One call from {@code from} saying {@code lines}, on {@code calls} (whose dialog, recogniser and synthesiser are
     * real). Blocks until the call is over.
     */
    public Result run(VoiceCalls calls, String callSid, String from, List<CallerUtterance> lines)
            throws InterruptedException {
        ArrayDeque<CallerUtterance> toSay = new ArrayDeque<>(lines);
        return run(calls, callSid, from, () -> toSay.isEmpty() ? Move.HANG_UP : Move.say(toSay.poll()));
    }

    /**
     * The caller's side of a call that reacts to what it hears: asked for its next move each time a reply has played
     * out (and the caller's short pause has passed), on the driver's thread.
     */
    @FunctionalInterface
    public interface Caller {
        Move next();
    }

    /** What the caller does next: say {@code speech}, key {@code digits}, or (both null) wait for the hang-up. */
    public record Move(CallerUtterance speech, String digits) {
        public static final Move HANG_UP = new Move(null, null);

        public static Move say(CallerUtterance speech) {
            return new Move(speech, null);
        }

        public static Move key(String digits) {
            return new Move(null, digits);
        }
    }

    /**
     * One call from {@code from} whose caller decides each line after hearing the reply before it, on {@code calls}.
     * Keys are sent one every 100 ms, as a phone does. Blocks until the call is over.
     */
    public Result run(VoiceCalls calls, String callSid, String from, Caller caller) throws InterruptedException {
        if (calls.clock() != clock) {
            throw new IllegalArgumentException("the calls must run on this driver's clock");
        }
        long wallStart = System.nanoTime();
        long simStart = clock.nanoTime();
        CallContext context = new CallContext(callSid, from);
        Line line = new Line();
        List<CallTurn> turns = new CopyOnWriteArrayList<>();
        CallTrace log = calls.trace(context);
        CallTrace trace = new CallTrace() {
            @Override
            public void onTurn(CallTurn turn) {
                turns.add(turn);
                log.onTurn(turn);
            }

            @Override
            public void onEnd() {
                log.onEnd();
            }
        };
        Call call = new Call(context, calls, line, clock.nanoTime(), trace, () -> { });
        line.call = call;
        call.openInbound();
        call.startSpeaking();
        Move next = null;
        byte[] saying = null;
        int lastVoicedAt = -1;
        String keying = null;
        int offset = 0;
        long quietUntil = 0;
        boolean awaitingReply = true;
        String failure = null;
        List<Double> replyWaits = new ArrayList<>();
        try {
            while (!line.hungUp && !call.over()) {
                if (clock.nanoTime() - simStart > maxCall.toNanos()) {
                    failure = "still going after " + maxCall.toSeconds() + " s of simulated time";
                    break;
                }
                if (awaitingReply && line.replyFrames > line.replyFramesAtLineEnd && !call.answering()
                        && line.playedOut()) {
                    awaitingReply = false;
                    quietUntil = clock.nanoTime() + reactionPause.toNanos();
                    next = caller.next();
                    if (next.speech() == null && next.digits() == null) {
                        // The last line's reply has played: the receptionist hangs up now if the conversation is
                        // over (its speaking thread notices the played-out audio at once); else the caller does.
                        awaitHangUp(call, line);
                        break;
                    }
                }
                byte[] frame = SILENCE;
                int at = 0;
                if (next != null && !awaitingReply && clock.nanoTime() >= quietUntil) {
                    if (next.speech() != null) {
                        saying = next.speech().muLaw();
                        lastVoicedAt = next.speech().lastVoicedFrame() * CallerUtterance.FRAME_BYTES;
                    } else {
                        keying = next.digits();
                    }
                    next = null;
                    offset = 0;
                }
                if (keying != null && offset % KEY_GAP_FRAMES == 0) {
                    call.onDtmf(keying.charAt(offset / KEY_GAP_FRAMES));
                    if (offset / KEY_GAP_FRAMES == keying.length() - 1) {
                        keying = null;
                        awaitingReply = true;
                        line.replyFramesAtLineEnd = line.replyFrames;
                    }
                }
                if (keying != null) {
                    offset++;
                }
                if (saying != null) {
                    frame = saying;
                    at = offset;
                    if (offset == lastVoicedAt && line.playedOut()) {
                        line.waitFrom = clock.nanoTime();
                    }
                    offset += CallerUtterance.FRAME_BYTES;
                    if (offset >= saying.length) {
                        saying = null;
                        awaitingReply = true;
                        line.replyFramesAtLineEnd = line.replyFrames;
                    }
                }
                boolean replyDue = awaitingReply && line.replyFrames <= line.replyFramesAtLineEnd;
                long stepStarted = System.nanoTime();
                call.onMedia(frame, at, CallerUtterance.FRAME_BYTES);
                call.step();
                awaitReceptionistIdleOrPlaying(call);
                if (replyDue && line.replyFrames > line.replyFramesAtLineEnd) {
                    replyWaits.add((System.nanoTime() - stepStarted) / 1e6);
                }
                clock.advance(FRAME_NANOS);
                line.echoDueMarks();
            }
        } finally {
            call.stop();
            call.closeInbound();
            awaitSpeakingDone(call);
        }
        return new Result(callSid, List.copyOf(turns), call.stageStats(), call.outboundStageStats(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart),
                TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - simStart), line.hungUp, failure,
                List.copyOf(replyWaits));
    }

    private static void awaitHangUp(Call call, Line line) {
        long giveUp = System.nanoTime() + CALLER_HANG_UP_NANOS;
        while (!line.hungUp && System.nanoTime() < giveUp) {
            call.step();
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The speaking thread notices the stop within its poll; its stage stats are final after that. */
    private static void awaitSpeakingDone(Call call) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (call.outboundStageStats().isEmpty() && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** While the receptionist is working out or synthesising a reply, simulated time waits for it. */
    private void awaitReceptionistIdleOrPlaying(Call call) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (call.answering() && !clock.someoneWaiting() && !call.over() && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(200_000);
            call.step();
        }
    }

    /**
     * How a call went.
     *
     * @param turns          every turn, as the call log saw it (greeting first)
     * @param stages         the inbound pipeline's per-stage counts and timings
     * @param outbound       the outbound pipeline's (dialog, sentences, tts, pacing)
     * @param wallMillis     real time the call took to run
     * @param simulatedMillis the call's length on its own clock
     * @param receptionistHungUp whether the receptionist ended the call (rather than the caller, after the script)
     * @param failure        why the call was abandoned, or null
     * @param replyWaitMillis per reply to the caller, the real time (ms) the line waited for its first frame after the
     *                       frame that ended the caller's turn: recognition's final, the dialog and the first sentence's
     *                       synthesis, which simulated time does not see (it stands still while the receptionist thinks)
     */
    public record Result(String callSid, List<CallTurn> turns, List<StageStats> stages,
                         List<StageStats> outbound, long wallMillis,
                         long simulatedMillis, boolean receptionistHungUp, String failure,
                         List<Double> replyWaitMillis) {

        public List<String> heard() {
            return turns.stream().map(CallTurn::heard).filter(h -> h != null).toList();
        }
    }

    /** Twilio's side of the line on simulated time: plays reply frames in order and echoes marks as they play. */
    private final class Line implements CallOutput {
        Call call;
        volatile boolean hungUp;
        // Guarded by this.
        private long playEndNanos;
        private final ArrayDeque<Object[]> marks = new ArrayDeque<>();
        int replyFrames;
        int replyFramesAtLineEnd;
        /** When the line's last voiced frame was sent, while no reply played; 0 once its reply began. */
        volatile long waitFrom;

        @Override
        public synchronized void sendMedia(byte[] muLaw, int offset, int length) {
            if (waitFrom != 0) {
                waits.add((int) TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - waitFrom));
                waitFrom = 0;
            }
            playEndNanos = Math.max(playEndNanos, clock.nanoTime()) + FRAME_NANOS * Math.max(1, length / 160);
            replyFrames++;
        }

        @Override
        public synchronized void sendMark(String name) {
            marks.add(new Object[] {playEndNanos, name});
        }

        @Override
        public void sendClear() {
            List<String> dropped = new ArrayList<>();
            synchronized (this) {
                marks.forEach(m -> dropped.add((String) m[1]));
                marks.clear();
                playEndNanos = clock.nanoTime();
            }
            dropped.forEach(call::onMark); // Twilio echoes the marks of cleared audio too
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void hangUp() {
            hungUp = true;
        }

        synchronized boolean playedOut() {
            return marks.isEmpty() && clock.nanoTime() >= playEndNanos;
        }

        void echoDueMarks() {
            List<String> due = new ArrayList<>();
            synchronized (this) {
                while (!marks.isEmpty() && (long) marks.peek()[0] <= clock.nanoTime()) {
                    due.add((String) marks.poll()[1]);
                }
            }
            due.forEach(call::onMark);
        }
    }

    private static byte[] silence() {
        byte[] frame = new byte[CallerUtterance.FRAME_BYTES];
        Arrays.fill(frame, (byte) 0xFF);
        return frame;
    }
}

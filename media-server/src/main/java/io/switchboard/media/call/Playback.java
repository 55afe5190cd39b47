package io.switchboard.media.call;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * What the caller is hearing, shared by the call's threads: the speaking thread sends frames and marks through it, the
 * listening thread cuts the reply on barge-in, and the network thread reports Twilio's echoed marks.
 *
 * <p>Twilio buffers what it is sent and plays it in real time, so the send side keeps an estimate of when the buffer
 * runs dry and waits whenever it is more than the configured lead ahead; a barge-in then has at most that much audio to
 * clear. Sending a frame and clearing happen under one lock, so no frame of a cut reply can slip out after the
 * {@code clear}.
 */
final class Playback {

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Marks normally echo as the audio ends; if they never come, the audio is assumed over this long after. */
    private static final long MARK_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long WRITABLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CallOutput output;
    private final long maxLeadNanos;
    private final CallClock clock;

    // Guarded by this.
    private final ArrayDeque<String> outstanding = new ArrayDeque<>();
    private Reply sending;
    private Reply latest;
    private long playEndNanos;
    private int replies;

    Playback(CallOutput output, int maxLeadMillis, CallClock clock) {
        this.output = output;
        this.clock = clock;
        this.maxLeadNanos = TimeUnit.MILLISECONDS.toNanos(maxLeadMillis);
    }

    /** A new reply of {@code sentences} sentences starts; it counts as audible until it is ended and played out. */
    synchronized Reply begin(int sentences) {
        Reply reply = new Reply(++replies, sentences);
        sending = reply;
        latest = reply;
        return reply;
    }

    /**
     * Sends one frame of {@code reply} unless it was cut, then waits while the audio sent is more than the allowed
     * lead ahead of playback (or the connection is congested).
     *
     * @return whether the frame was sent
     */
    boolean sendFrame(Reply reply, byte[] frame, int offset, int length) {
        awaitWritable(reply);
        long ahead;
        synchronized (this) {
            if (reply.cancelled()) {
                return false;
            }
            output.sendMedia(frame, offset, length);
            long now = clock.nanoTime();
            playEndNanos = Math.max(playEndNanos, now) + FRAME_NANOS * Math.max(1, length / 160);
            ahead = playEndNanos - now;
        }
        long excess = ahead - maxLeadNanos;
        while (excess > 0 && !reply.cancelled()) {
            long slice = Math.min(excess, FRAME_NANOS);
            clock.pause(this, slice);
            excess -= slice;
        }
        return true;
    }

    private void awaitWritable(Reply reply) {
        long deadline = clock.nanoTime() + WRITABLE_WAIT_NANOS;
        while (!output.isWritable() && !reply.cancelled() && clock.nanoTime() < deadline) {
            clock.pause(this, TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Sends the mark that follows sentence {@code index} of {@code reply}, unless the reply was cut. */
    synchronized void markSentence(Reply reply, int index) {
        if (reply.cancelled()) {
            return;
        }
        String name = reply.markName(index);
        outstanding.addLast(name);
        output.sendMark(name);
    }

    /** The speaking thread is done with {@code reply} (all sent, or cut). */
    synchronized void end(Reply reply) {
        if (sending == reply) {
            sending = null;
        }
        notifyAll();
    }

    /** Twilio echoed a mark: everything up to it has been played (Twilio plays in order). */
    synchronized void acknowledged(String name) {
        if (!outstanding.contains(name)) {
            return; // a mark of audio already cleared, or not ours
        }
        while (!outstanding.isEmpty()) {
            if (outstanding.pollFirst().equals(name)) {
                break;
            }
        }
        Reply reply = latest;
        if (reply != null && !reply.cleared && Reply.replyOf(name) == reply.number()) {
            reply.heardThrough = Math.max(reply.heardThrough, Reply.sentenceOf(name));
        }
        notifyAll();
    }

    /** Whether reply audio is being sent or is still playing at Twilio. */
    synchronized boolean audible() {
        return sending != null || (!outstanding.isEmpty() && clock.nanoTime() < playEndNanos + MARK_GRACE_NANOS);
    }

    /**
     * Whether there is reply audio a barge-in could still cut: audible, and not already cut (a cut reply stays
     * audible for the moment its speaking thread takes to notice, but must not be cleared twice).
     */
    synchronized boolean interruptible() {
        return audible() && (latest == null || !latest.cleared);
    }

    /**
     * Barge-in: cuts the current reply, stops its synthesis and tells Twilio to drop what it buffered. Does nothing if
     * nothing is audible.
     *
     * @return the cut reply, or null if there was nothing to cut
     */
    synchronized Reply interrupt() {
        if (!audible()) {
            return null;
        }
        Reply reply = latest;
        if (reply != null) {
            reply.cancel();
            reply.cleared = true;
        }
        output.sendClear();
        // Twilio echoes the marks of dropped audio too; they must not count as heard.
        outstanding.clear();
        playEndNanos = clock.nanoTime();
        notifyAll();
        return reply;
    }

    /** Whether {@code reply} was cut by a barge-in (not merely stopped because the call ended). */
    synchronized boolean wasCut(Reply reply) {
        return reply.cleared;
    }

    /** Sentences of {@code reply} confirmed as played. */
    synchronized int heard(Reply reply) {
        return reply.heardThrough + 1;
    }

    /** Waits until everything sent has been played (marks echoed), the reply was cut, or the estimate says it is over. */
    synchronized void awaitPlayedOut(long maxNanos) throws InterruptedException {
        long deadline = clock.nanoTime() + maxNanos;
        while (true) {
            long now = clock.nanoTime();
            boolean over = sending == null && (outstanding.isEmpty() || now >= playEndNanos + MARK_GRACE_NANOS);
            if (over || now >= deadline) {
                return;
            }
            long wait = Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(50));
            TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
    }

    /** The call is over: stops whatever is being synthesised, without sending anything. */
    synchronized void cancelAll() {
        if (latest != null) {
            latest.cancel();
        }
        notifyAll();
    }
}

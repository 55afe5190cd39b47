package io.switchboard.media.call;

import java.time.Duration;

/** keypad: collects key presses into one entry, ended by {@code #} or a pause, and emits it as {@link Frame.Keyed}. */
final class KeypadStage implements Stage {

    private final CallClock clock;
    private final long timeoutNanos;
    private final StringBuilder digits = new StringBuilder();
    private boolean replyCut;
    private long lastKeyNanos;

    KeypadStage(Duration digitTimeout, CallClock clock) {
        this.clock = clock;
        this.timeoutNanos = digitTimeout.toNanos();
    }

    @Override
    public String name() {
        return "keypad";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        if (in instanceof Frame.Dtmf key) {
            context.emit(key);
            long now = clock.nanoTime();
            if (key.digit() == '#') {
                submit(now, context);
                return;
            }
            replyCut = digits.isEmpty() ? key.cutReply() : replyCut || key.cutReply();
            digits.append(key.digit());
            lastKeyNanos = now;
            return;
        }
        context.emit(in);
        if (in == Frame.Signal.TICK && !digits.isEmpty() && clock.nanoTime() - lastKeyNanos >= timeoutNanos) {
            submit(clock.nanoTime(), context);
        }
    }

    private void submit(long now, StageContext context) {
        if (!digits.isEmpty()) {
            context.emit(new Frame.Keyed(digits.toString(), now, replyCut));
        }
        digits.setLength(0);
        replyCut = false;
    }
}

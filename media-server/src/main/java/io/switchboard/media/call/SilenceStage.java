package io.switchboard.media.call;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * silence: when nobody has said or keyed anything for the re-prompt time while the receptionist was not speaking,
 * emits {@link Frame.Silence} (a re-prompt, or after the last one, giving up).
 */
final class SilenceStage implements Stage {

    private final CallClock clock;
    private final long repromptNanos;
    private final int maxReprompts;
    private final BooleanSupplier receptionistHasTheFloor;
    private boolean speaking;
    private boolean keysPending;
    private long lastActivityNanos;
    private int reprompts;

    /** @param receptionistHasTheFloor true while a turn is being answered or its reply can be heard */
    SilenceStage(Duration repromptAfter, int maxReprompts, BooleanSupplier receptionistHasTheFloor, CallClock clock) {
        this.clock = clock;
        this.repromptNanos = repromptAfter.toNanos();
        this.maxReprompts = maxReprompts;
        this.receptionistHasTheFloor = receptionistHasTheFloor;
        this.lastActivityNanos = clock.nanoTime();
    }

    @Override
    public String name() {
        return "silence";
    }

    @Override
    public void onFrame(Frame in, StageContext context) {
        switch (in) {
            case Frame.Signal s when s == Frame.Signal.TICK -> check(context);
            case Frame.Signal s when s == Frame.Signal.SPEECH_STARTED -> speaking = activity(true);
            case Frame.Signal s when s == Frame.Signal.SPEECH_STOPPED -> speaking = activity(false);
            case AudioFrame a -> activity(false);
            case Frame.Dtmf d -> keysPending = activity(true);
            case Frame.Keyed k -> {
                keysPending = activity(false);
                reprompts = 0;
            }
            case Frame.Utterance u -> {
                activity(false);
                reprompts = 0;
            }
            default -> {
            }
        }
        context.emit(in);
    }

    private boolean activity(boolean value) {
        lastActivityNanos = clock.nanoTime();
        return value;
    }

    private void check(StageContext context) {
        long now = clock.nanoTime();
        if (speaking || keysPending || receptionistHasTheFloor.getAsBoolean()) {
            lastActivityNanos = Math.max(lastActivityNanos, now);
            return;
        }
        if (now - lastActivityNanos < repromptNanos) {
            return;
        }
        lastActivityNanos = now;
        boolean giveUp = reprompts >= maxReprompts;
        reprompts++;
        context.emit(new Frame.Silence(giveUp, now));
    }
}

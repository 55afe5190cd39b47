package io.switchboard.media.call;

import io.switchboard.media.codec.MuLaw;
import io.switchboard.media.simulator.DeafRecognizer;
import java.util.List;
import java.util.Random;

/**
 * The inbound pipeline as a call builds it, every stage from decode to the silence watch, with a recogniser that hears
 * nothing and a reply that is never playing: the per-frame path alone. Shared by the allocation test and
 * {@code InboundPipelineBenchmark} in {@code bench}, so both measure the same chain.
 */
public final class InboundPipelines {

    private InboundPipelines() {
    }

    /** A pipeline on the system clock whose frames out go nowhere. */
    static Pipeline perFrameOnly() {
        VoiceSettings settings = VoiceSettings.defaults();
        int capacity = ResampleStage.capacity(16_000);
        ReplyFloor silentFloor = new ReplyFloor() {
            @Override
            public boolean audible() {
                return false;
            }

            @Override
            public Frame.Interrupt interrupt() {
                return null;
            }
        };
        return new Pipeline(CallClock.SYSTEM, f -> { }, List.of(
                new DecodeStage(capacity),
                new VadStage(settings.vad(), CallClock.SYSTEM),
                new CutOffWatch(new TurnTakingStats(new CallMetrics(io.switchboard.dialog.metrics.Metrics.disabled(),
                        null))),
                new PreRollStage(settings.preRollMillis() / 20, capacity),
                new ResampleStage(16_000),
                new SttStage(new DeafRecognizer.Stream(), CallClock.SYSTEM),
                new TurnTakingStage(null, settings.endOfTurn()),
                new BargeInStage(silentFloor, settings.bargeInMillis()),
                new KeypadStage(settings.digitTimeout(), CallClock.SYSTEM),
                new SilenceStage(settings.repromptAfter(), settings.maxReprompts(), () -> true, CallClock.SYSTEM)));
    }

    /**
     * {@code pcm} (8 kHz) with a little line noise, mu-law encoded as Twilio sends it, cut to whole 20 ms frames.
     */
    public static byte[] onTheWire(short[] pcm) {
        short[] noisy = pcm.clone();
        Random noise = new Random(1);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, noisy[i] + noise.nextGaussian() * 20));
        }
        byte[] wire = new byte[noisy.length / 160 * 160];
        MuLaw.encode(noisy, 0, wire.length, wire, 0);
        return wire;
    }

    /** Plays {@code wire} round and round, one 20 ms frame and the call's timer tick per {@link #frame()}. */
    public static final class Loop {
        private final byte[] wire;
        private final int frames;
        private final MuLawFrame slot = new MuLawFrame();
        private final Pipeline pipeline = perFrameOnly();
        private int frame;

        public Loop(byte[] wire) {
            this.wire = wire;
            this.frames = wire.length / 160;
        }

        /** Pushes the next frame; returns its index in the loop. */
        public int frame() {
            int f = frame;
            frame = f + 1 == frames ? 0 : f + 1;
            System.arraycopy(wire, f * 160, slot.bytes, 0, 160);
            slot.length = 160;
            slot.arrivalNanos = f;
            pipeline.push(slot);
            pipeline.push(Frame.Signal.TICK);
            return f;
        }

        public int frames() {
            return frames;
        }
    }
}

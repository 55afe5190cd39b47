package io.switchboard.server.it.browser;

import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallerVoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller's lines as one looping WAV file for Chromium's fake microphone, which plays its file over and over from
 * the moment the page opens the microphone and cannot wait for anybody. The caller waits instead: the page's mute
 * button stays down while the receptionist talks, and the caller lets go of it just for the next time their line comes
 * round (see {@code softphone-caller.js}). The loop starts with a longer silence than any between two lines, so the
 * page can tell from its level meter where in the loop the microphone is.
 */
final class CallerRecording {

    static final int RATE = 16_000;

    /** Loudest sample of the silence around a line, as a fraction of full scale (the page's meter reads the same). */
    static final double AUDIBLE = 0.02;

    /** A line in the loop: where it is audible, in seconds from the loop's start. */
    record Placed(String line, double start, double end) {
    }

    /** The rendered loop: its length and where each line is. */
    record Loop(double seconds, List<Placed> lines) {

        /**
         * A silence that only the loop's start follows: halfway between the longest silence between two lines and the
         * one from the last line round to the first.
         */
        double wrapSilence() {
            double between = 0;
            for (int i = 1; i < lines.size(); i++) {
                between = Math.max(between, lines.get(i).start() - lines.get(i - 1).end());
            }
            double wrap = seconds - lines.getLast().end() + lines.getFirst().start();
            return (between + wrap) / 2;
        }
    }

    private CallerRecording() {
    }

    /**
     * Renders {@code lines} with {@code voice} into {@code wav}: {@code leadSeconds} of silence, then each line
     * followed by {@code gapSeconds} of silence (the wrap-around silence is therefore lead + gap, longer than any gap).
     */
    static Loop render(CallerVoice voice, List<String> lines, double leadSeconds, double gapSeconds, Path wav) {
        if (leadSeconds <= gapSeconds) {
            throw new IllegalArgumentException("the loop's lead silence must be longer than the gaps, to be found");
        }
        CallerVoice cached = CachedCallerVoice.of(voice);
        List<short[]> spoken = lines.stream().map(l -> cached.render(l, RATE)).toList();
        int total = (int) (leadSeconds * RATE);
        for (short[] s : spoken) {
            total += s.length + (int) (gapSeconds * RATE);
        }
        ByteBuffer pcm = ByteBuffer.allocate(total * 2).order(ByteOrder.LITTLE_ENDIAN);
        pcm.position((int) (leadSeconds * RATE) * 2);
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int at = pcm.position() / 2;
            short[] clip = spoken.get(i);
            int first = clip.length;
            int last = 0;
            for (int k = 0; k < clip.length; k++) {
                pcm.putShort(clip[k]);
                if (Math.abs(clip[k]) > AUDIBLE * Short.MAX_VALUE) {
                    first = Math.min(first, k);
                    last = k;
                }
            }
            if (first > last) {
                throw new IllegalStateException("the voice rendered no audible '" + lines.get(i) + "'");
            }
            placed.add(new Placed(lines.get(i), (at + first) / (double) RATE, (at + last + 1) / (double) RATE));
            pcm.position(pcm.position() + (int) (gapSeconds * RATE) * 2);
        }
        try {
            Files.createDirectories(wav.getParent());
            Files.write(wav, wav(pcm.array(), RATE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Loop(total / (double) RATE, placed);
    }

    /** Writes 16-bit mono {@code samples} at {@code rate} as a WAV file. */
    static void write(short[] samples, int rate, Path wav) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            pcm.putShort(s);
        }
        try {
            Files.createDirectories(wav.getParent());
            Files.write(wav, wav(pcm.array(), rate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] wav(byte[] pcm, int rate) {
        ByteBuffer out = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes()).putInt(pcm.length).put(pcm);
        return out.array();
    }
}

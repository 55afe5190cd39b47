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
 * A caller's side of a whole call as one WAV file for Chromium's fake microphone: each line after the silence its cue
 * asks for, then silence to the end. The fake microphone cannot wait for a reply, so the timeline is fixed and the
 * silences are generous; {@link #render} says where each line landed, so a test can act (press keys) between them.
 */
final class CallerRecording {

    static final int RATE = 16_000;

    /** A line to say after {@code silenceBefore} seconds of silence (counted from the end of the previous line). */
    record Cue(String line, double silenceBefore) {
    }

    /** Where a line is in the recording, in seconds from its start. */
    record Placed(String line, double start, double end) {
    }

    private CallerRecording() {
    }

    /**
     * Renders {@code cues} with {@code voice} into {@code wav}, followed by {@code tailSeconds} of silence; returns where
     * each line is.
     */
    static List<Placed> render(CallerVoice voice, List<Cue> cues, double tailSeconds, Path wav) {
        CallerVoice cached = CachedCallerVoice.of(voice);
        List<short[]> spoken = cues.stream().map(c -> cached.render(c.line(), RATE)).toList();
        int total = (int) (tailSeconds * RATE);
        for (int i = 0; i < cues.size(); i++) {
            total += (int) (cues.get(i).silenceBefore() * RATE) + spoken.get(i).length;
        }
        ByteBuffer pcm = ByteBuffer.allocate(total * 2).order(ByteOrder.LITTLE_ENDIAN);
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            pcm.position(pcm.position() + (int) (cues.get(i).silenceBefore() * RATE) * 2);
            double start = pcm.position() / 2.0 / RATE;
            for (short sample : spoken.get(i)) {
                pcm.putShort(sample);
            }
            placed.add(new Placed(cues.get(i).line(), start, pcm.position() / 2.0 / RATE));
        }
        try {
            Files.createDirectories(wav.getParent());
            Files.write(wav, wav(pcm.array()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return placed;
    }

    private static byte[] wav(byte[] pcm) {
        ByteBuffer out = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + pcm.length).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes()).putInt(pcm.length).put(pcm);
        return out.array();
    }
}

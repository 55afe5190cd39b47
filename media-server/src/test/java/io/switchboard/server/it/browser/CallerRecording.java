package io.switchboard.server.it.browser;

import io.switchboard.media.simulator.CachedCallerVoice;
import io.switchboard.media.simulator.CallerVoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A caller's side of a whole call as one WAV file for Chromium's fake microphone: silence while the greeting plays,
 * then each line followed by a pause long enough for the receptionist's reply. The timing is fixed (the fake
 * microphone cannot wait for a reply), so the pauses are generous.
 */
final class CallerRecording {

    static final int RATE = 16_000;

    private CallerRecording() {
    }

    /** Renders {@code lines} with {@code voice} into {@code wav}; returns the length in seconds. */
    static double render(CallerVoice voice, List<String> lines, double leadSeconds, double pauseSeconds, Path wav) {
        int lead = (int) (leadSeconds * RATE);
        int pause = (int) (pauseSeconds * RATE);
        List<short[]> spoken = lines.stream().map(line -> CachedCallerVoice.of(voice).render(line, RATE)).toList();
        int total = lead + spoken.stream().mapToInt(s -> s.length + pause).sum();
        ByteBuffer pcm = ByteBuffer.allocate(total * 2).order(ByteOrder.LITTLE_ENDIAN);
        pcm.position(lead * 2);
        for (short[] line : spoken) {
            for (short sample : line) {
                pcm.putShort(sample);
            }
            pcm.position(pcm.position() + pause * 2);
        }
        try {
            Files.createDirectories(wav.getParent());
            Files.write(wav, wav(pcm.array()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (double) total / RATE;
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

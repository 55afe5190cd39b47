package io.switchboard.media.tts;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MaryTTS in-process with the {@value #VOICE} voice.
 *
 * <p>Mary's audio stream produces samples lazily as it is read (its {@code readAllBytes()} even stops after the first
 * buffer), so reading it 20 ms at a time both streams the reply and lets a barge-in stop the vocoder mid-sentence.
 * The voice's native rate (48 kHz for this voice) is converted to 8 kHz with an anti-aliasing filter.
 */
public final class MaryTtsSynthesizer implements SpeechSynthesizer {

    /** The voice used; an HSMM voice shipped on Maven Central as de.dfki.mary:voice-cmu-slt-hsmm. */
    public static final String VOICE = "cmu-slt-hsmm";

    private static final Logger LOG = LoggerFactory.getLogger(MaryTtsSynthesizer.class);
    private static final String WARM_UP_TEXT = "Hello, thanks for calling. How can I help you today?";

    private final MaryInterface mary;

    private MaryTtsSynthesizer(MaryInterface mary) {
        this.mary = mary;
    }

    /**
     * Starts MaryTTS and synthesises a warm-up sentence, so the first caller doesn't pay for class loading and JIT.
     *
     * @throws SpeechSynthesisException if MaryTTS or the voice cannot be loaded
     */
    public static MaryTtsSynthesizer start() {
        long started = System.nanoTime();
        MaryInterface mary;
        try {
            mary = new LocalMaryInterface();
        } catch (MaryConfigurationException e) {
            throw new SpeechSynthesisException("MaryTTS could not start: " + e.getMessage(), e);
        }
        if (!mary.getAvailableVoices().contains(VOICE)) {
            throw new SpeechSynthesisException("MaryTTS voice " + VOICE + " is not on the classpath (have "
                    + mary.getAvailableVoices() + ")", null);
        }
        mary.setVoice(VOICE);
        MaryTtsSynthesizer synthesizer = new MaryTtsSynthesizer(mary);
        SynthesisResult warmUp = synthesizer.synthesize(WARM_UP_TEXT, (frame, offset, length) -> { }, () -> false);
        LOG.info("MaryTTS ready in {} ms (warm-up: {} ms audio)", (System.nanoTime() - started) / 1_000_000,
                warmUp.audioMillis());
        return synthesizer;
    }

    @Override
    public SynthesisResult synthesize(String text, AudioSink sink, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        if (text == null || text.isBlank()) {
            return new SynthesisResult(0, false, started, 0);
        }
        FirstFrameClock clock = new FirstFrameClock(sink);
        try (SpeechStream stream = open(text, cancelled)) {
            boolean stopped = stream.deliver(clock, cancelled);
            return new SynthesisResult(stream.frames(), stopped, started, clock.firstFrameNanos);
        }
    }

    /** Mary's front end runs here (it cannot be stopped part-way); the vocoder only as the stream is read. */
    @Override
    public SpeechStream open(String text, BooleanSupplier unwanted) {
        if (text == null || text.isBlank()) {
            return new BufferedSpeech();
        }
        try {
            return new MaryStream(pcm16(mary.generateAudio(text)), text.length());
        } catch (SynthesisException | RuntimeException e) {
            if (e instanceof SpeechSynthesisException s) {
                throw s;
            }
            throw new SpeechSynthesisException("MaryTTS failed on a text of " + text.length() + " characters", e);
        }
    }

    private static AudioInputStream pcm16(AudioInputStream source) {
        AudioFormat format = source.getFormat();
        if (format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleSizeInBits() == 16
                && format.getChannels() == 1) {
            return source;
        }
        AudioFormat wanted = new AudioFormat(format.getSampleRate(), 16, 1, true, false);
        if (!AudioSystem.isConversionSupported(wanted, format)) {
            throw new SpeechSynthesisException("cannot convert MaryTTS output " + format + " to 16-bit mono PCM", null);
        }
        return AudioSystem.getAudioInputStream(wanted, source);
    }

    @Override
    public void close() {
        // LocalMaryInterface holds no resources beyond the heap; nothing to release.
    }

    /** One sentence's audio, vocoded 20 ms at a time as it is read and converted to 8 kHz mu-law frames. */
    private static final class MaryStream implements SpeechStream {
        private final AudioInputStream audio;
        private final int characters;
        private final MuLawFramer framer;
        private final boolean bigEndian;
        private final byte[] bytes;
        private final short[] samples;
        /** Bytes in {@link #bytes} not yet made into samples: between reads, an odd byte waiting for its other half. */
        private int buffered;
        private boolean ended;

        MaryStream(AudioInputStream audio, int characters) {
            this.audio = audio;
            this.characters = characters;
            AudioFormat format = audio.getFormat();
            int rate = Math.round(format.getSampleRate());
            int chunkSamples = Math.max(1, rate / 50);
            this.framer = new MuLawFramer(rate, chunkSamples);
            this.bigEndian = format.isBigEndian();
            this.bytes = new byte[chunkSamples * 2];
            this.samples = new short[chunkSamples];
        }

        @Override
        public boolean deliver(AudioSink sink, BooleanSupplier pause) {
            try {
                while (!ended) {
                    if (pause.getAsBoolean()) {
                        return true;
                    }
                    int read = audio.read(bytes, buffered, bytes.length - buffered);
                    if (read < 0) {
                        ended = true;
                        framer.flush(sink);
                        break;
                    }
                    buffered += read;
                    int whole = buffered / 2;
                    for (int i = 0; i < whole; i++) {
                        int a = bytes[2 * i] & 0xFF;
                        int b = bytes[2 * i + 1] & 0xFF;
                        samples[i] = (short) (bigEndian ? (a << 8) | b : (b << 8) | a);
                    }
                    framer.push(samples, 0, whole, sink);
                    // An odd byte (half a sample) waits for its other half.
                    if ((buffered & 1) != 0) {
                        bytes[0] = bytes[buffered - 1];
                    }
                    buffered &= 1;
                }
                return false;
            } catch (IOException | RuntimeException e) {
                if (e instanceof SpeechSynthesisException s) {
                    throw s;
                }
                throw new SpeechSynthesisException("MaryTTS failed on a text of " + characters + " characters", e);
            }
        }

        @Override
        public int frames() {
            return framer.framesEmitted();
        }

        @Override
        public void close() {
            ended = true;
            try {
                audio.close();
            } catch (IOException e) {
                // In-heap audio: nothing is left open by a failed close.
            }
        }
    }

    /** Notes when the first frame reaches the sink (the "first TTS audio" latency mark). */
    private static final class FirstFrameClock implements AudioSink {
        private final AudioSink sink;
        private long firstFrameNanos;

        FirstFrameClock(AudioSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(byte[] frame, int offset, int length) {
            if (firstFrameNanos == 0) {
                firstFrameNanos = System.nanoTime();
            }
            sink.accept(frame, offset, length);
        }
    }
}

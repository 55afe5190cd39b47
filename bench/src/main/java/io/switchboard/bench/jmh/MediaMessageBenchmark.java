package io.switchboard.bench.jmh;

import io.switchboard.telephony.twilio.media.MediaStreamDecoder;
import io.switchboard.telephony.twilio.media.MediaStreamEncoder;
import io.switchboard.telephony.twilio.media.MediaStreamException;
import io.switchboard.telephony.twilio.media.MediaStreamListener;
import io.switchboard.telephony.twilio.media.StartInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** One Twilio {@code media} message per 20 ms frame: JSON parse plus base64 decode in, and the reverse out. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MediaMessageBenchmark {

    private byte[] message;
    private final byte[] payload = new byte[4096];
    private final byte[] frame = new byte[160];
    private MediaStreamDecoder decoder;
    private MediaStreamEncoder encoder;
    private final Sink sink = new Sink();

    @Setup
    public void setUp() {
        new Random(7).nextBytes(frame);
        String json = "{\"event\":\"media\",\"sequenceNumber\":\"42\",\"media\":{\"track\":\"inbound\",\"chunk\":\"41\","
                + "\"timestamp\":\"820\",\"payload\":\"" + Base64.getEncoder().encodeToString(frame) + "\"},"
                + "\"streamSid\":\"MZ18ad3ab5a668481ce02b83e7395059f0\"}";
        message = json.getBytes(StandardCharsets.UTF_8);
        decoder = new MediaStreamDecoder(payload);
        encoder = new MediaStreamEncoder("MZ18ad3ab5a668481ce02b83e7395059f0");
    }

    @Benchmark
    public int decodeMediaMessage() throws MediaStreamException {
        decoder.decode(message, 0, message.length, sink);
        return sink.length;
    }

    @Benchmark
    public int encodeMediaMessage() {
        return encoder.encodeMedia(frame, 0, frame.length);
    }

    /** Keeps the decoded length so the work cannot be optimised away. */
    static final class Sink implements MediaStreamListener {
        int length;

        @Override
        public void onConnected(String protocol, String version) {
        }

        @Override
        public void onStart(StartInfo start) {
        }

        @Override
        public void onMedia(long sequenceNumber, long timestampMs, byte[] p, int len) {
            length = len + p[0];
        }

        @Override
        public void onDtmf(char digit) {
        }

        @Override
        public void onMark(String name) {
        }

        @Override
        public void onStop() {
        }
    }
}

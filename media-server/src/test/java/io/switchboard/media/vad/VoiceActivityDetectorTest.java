package io.switchboard.media.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.media.audio.TestSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {

    private static final int RATE = 8000;

    @Test
    void toneBurstInNoiseStartsAndEndsSpeechAtTheRightTimes() {
        short[] signal = noise(3000, -50, 1);
        addTone(signal, 1000, 800, 440, -20);
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.telephony());

        List<Transition> transitions = run(vad, signal);

        assertThat(transitions).extracting(Transition::event)
                .containsExactly(VadEvent.SPEECH_STARTED, VadEvent.SPEECH_ENDED);
        // Onset needs 60 ms of loud frames and is dated back to the first of them.
        assertThat(transitions.get(0).atMillis()).isEqualTo(1060);
        assertThat(vad.speechStartMillis()).isEqualTo(1000);
        // The end is declared after the 500 ms hangover and dated to the last voiced frame.
        assertThat(transitions.get(1).atMillis()).isEqualTo(2300);
        assertThat(vad.speechEndMillis()).isEqualTo(1800);
        assertThat(vad.noiseFloorDbfs()).isCloseTo(-50, within(3.0));
    }

    @Test
    void eventsBetweenStartAndEndAreContinuesAndOutsideAreSilence() {
        short[] signal = noise(2000, -55, 2);
        addTone(signal, 500, 400, 300, -25);
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.telephony().withHangoverMillis(200));
        List<VadEvent> events = new ArrayList<>();
        for (int off = 0; off + 160 <= signal.length; off += 160) {
            events.add(vad.accept(signal, off));
        }
        int start = events.indexOf(VadEvent.SPEECH_STARTED);
        int end = events.indexOf(VadEvent.SPEECH_ENDED);
        assertThat(events.subList(0, start)).containsOnly(VadEvent.SILENCE);
        assertThat(events.subList(start + 1, end)).containsOnly(VadEvent.SPEECH_CONTINUES);
        assertThat(events.subList(end + 1, events.size())).containsOnly(VadEvent.SILENCE);
        assertThat(end - start).isEqualTo((400 - 60 + 200) / 20);
    }

    @Test
    void steadyNoiseAndClicksAreNotSpeech() {
        short[] signal = noise(3000, -40, 3);
        addTone(signal, 1500, 20, 1000, -10);
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.telephony());

        assertThat(run(vad, signal)).isEmpty();
        assertThat(vad.isSpeaking()).isFalse();
    }

    @Test
    void pauseShorterThanTheHangoverKeepsOneUtteranceLongerSplitsIt() {
        short[] shortPause = noise(4000, -50, 4);
        addTone(shortPause, 500, 600, 500, -20);
        addTone(shortPause, 1400, 600, 500, -20);
        assertThat(run(new VoiceActivityDetector(VadConfig.telephony()), shortPause)).extracting(Transition::event)
                .containsExactly(VadEvent.SPEECH_STARTED, VadEvent.SPEECH_ENDED);

        VoiceActivityDetector shortHangover = new VoiceActivityDetector(VadConfig.telephony().withHangoverMillis(200));
        assertThat(run(shortHangover, shortPause)).extracting(Transition::event).containsExactly(
                VadEvent.SPEECH_STARTED, VadEvent.SPEECH_ENDED, VadEvent.SPEECH_STARTED, VadEvent.SPEECH_ENDED);
    }

    @Test
    void hangoverCanBeShortenedMidCall() {
        short[] signal = noise(3000, -50, 5);
        addTone(signal, 500, 500, 500, -20);
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.telephony());
        for (int off = 0; off < 800 * 8; off += 160) {
            vad.accept(signal, off);
        }
        vad.reconfigure(vad.config().withHangoverMillis(100));
        List<Transition> rest = new ArrayList<>();
        for (int off = 800 * 8; off + 160 <= signal.length; off += 160) {
            VadEvent event = vad.accept(signal, off);
            if (event == VadEvent.SPEECH_ENDED) {
                rest.add(new Transition(event, vad.streamMillis()));
            }
        }
        assertThat(rest).containsExactly(new Transition(VadEvent.SPEECH_ENDED, 1100));
    }

    @Test
    void recordsWallClockOfDecisions() {
        long[] now = {1_000};
        short[] signal = noise(2000, -50, 6);
        addTone(signal, 300, 300, 500, -20);
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.telephony(), () -> now[0]);
        for (int off = 0; off + 160 <= signal.length; off += 160) {
            now[0] += 20_000_000;
            VadEvent event = vad.accept(signal, off);
            if (event == VadEvent.SPEECH_ENDED) {
                assertThat(vad.speechEndedNanos()).isEqualTo(now[0]);
            }
        }
        assertThat(vad.speechStartedNanos()).isEqualTo(1_000 + 18 * 20_000_000L);
        assertThat(vad.speechEndedNanos()).isGreaterThan(vad.speechStartedNanos());
    }

    @Test
    void realSpeechIsOneUtteranceFromItsFirstToItsLastWord() {
        // no comma: MaryTTS pauses about half a second at one, and that is rightly two utterances
        short[] speech = TestSpeech.narrowband("my kitchen sink is leaking can someone come tomorrow morning");
        short[] signal = TestSpeech.padded(speech, 700, 1500);
        short[] line = noise(signal.length / 8 + 1, -55, 7);
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, signal[i] + line[i]));
        }
        int firstLoud = firstLoudMillis(signal, false);
        int lastLoud = firstLoudMillis(signal, true);
        VoiceActivityDetector vad = new VoiceActivityDetector(VadConfig.telephony());

        List<Transition> transitions = run(vad, signal);

        assertThat(transitions).extracting(Transition::event)
                .containsExactly(VadEvent.SPEECH_STARTED, VadEvent.SPEECH_ENDED);
        assertThat(vad.speechStartMillis()).isCloseTo(firstLoud, within(60L));
        assertThat(vad.speechEndMillis()).isCloseTo(lastLoud, within(120L));
    }

    private record Transition(VadEvent event, long atMillis) {
    }

    private static List<Transition> run(VoiceActivityDetector vad, short[] signal) {
        List<Transition> transitions = new ArrayList<>();
        for (int off = 0; off + 160 <= signal.length; off += 160) {
            VadEvent event = vad.accept(signal, off);
            if (event == VadEvent.SPEECH_STARTED || event == VadEvent.SPEECH_ENDED) {
                // Stream time at the end of the deciding frame.
                transitions.add(new Transition(event, vad.streamMillis()));
            }
        }
        return transitions;
    }

    /** First (or last) 20 ms frame whose level is 20 dB over the line noise. */
    private static int firstLoudMillis(short[] signal, boolean last) {
        int found = -1;
        for (int off = 0; off + 160 <= signal.length; off += 160) {
            double sum = 0;
            for (int i = off; i < off + 160; i++) {
                sum += (double) signal[i] * signal[i];
            }
            double db = 10 * Math.log10(sum / 160 / (32768.0 * 32768.0) + 1e-12);
            if (db > -35) {
                found = off / 8 + (last ? 20 : 0);
                if (!last) {
                    return found;
                }
            }
        }
        return found;
    }

    private static short[] noise(int millis, double dbfs, long seed) {
        Random random = new Random(seed);
        double sigma = 32768 * Math.pow(10, dbfs / 20);
        short[] s = new short[millis * RATE / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(random.nextGaussian() * sigma);
        }
        return s;
    }

    private static void addTone(short[] signal, int startMs, int lengthMs, double hz, double rmsDbfs) {
        double amplitude = 32768 * Math.pow(10, rmsDbfs / 20) * Math.sqrt(2);
        int start = startMs * RATE / 1000;
        for (int i = 0; i < lengthMs * RATE / 1000; i++) {
            int v = signal[start + i] + (int) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
            signal[start + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
    }
}

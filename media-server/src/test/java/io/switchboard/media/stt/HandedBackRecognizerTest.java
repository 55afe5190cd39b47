package io.switchboard.media.stt;

import io.switchboard.media.simulator.SharedSpeech;
import io.switchboard.media.tts.SynthesizedSpeech;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recogniser handed back to the pool must hear the next call as a new recogniser does: nothing the previous caller
 * said (their voice's adaptation, their level) may carry over into the next caller's first words.
 */
class HandedBackRecognizerTest {

    @Test
    void theNextCallIsHeardAsByAFreshRecogniser() {
        short[] previousCaller = SynthesizedSpeech.at16k(SharedSpeech.mary(),
                "Hello, I'm calling about the boiler in the loft, it has been making a banging noise all week and"
                        + " the pressure keeps dropping, can somebody have a look at it on Friday afternoon");
        short[] nextCaller = SynthesizedSpeech.at16k(SharedSpeech.mary(), "my tap is leaking in the kitchen");

        String fresh;
        try (VoskSpeechRecognizer engine = VoskSpeechRecognizer.start(SharedVosk.model(), SharedVosk.CACHE_ROOT, 1)) {
            fresh = RecognizerWarmUp.run(engine, 1, nextCaller);
        }
        try (VoskSpeechRecognizer engine = VoskSpeechRecognizer.start(SharedVosk.model(), SharedVosk.CACHE_ROOT, 1)) {
            // the previous call: speech, then a barge-in's reset, then hang-up, with no final result
            RecognitionStream call = engine.openStream();
            for (int round = 0; round < 3; round++) {
                call.accept(previousCaller, previousCaller.length);
                call.partial();
                call.reset();
            }
            call.accept(previousCaller, previousCaller.length);
            call.close();
            assertThat(engine.idleRecognizers()).isEqualTo(1);

            String handedBack = RecognizerWarmUp.run(engine, 1, nextCaller);

            assertThat(handedBack).as("the same words heard as on a fresh recogniser").isEqualTo(fresh);
        }
    }
}

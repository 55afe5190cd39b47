package io.switchboard.media.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The system-package voices: detected on PATH, a clear error when missing, real audio where installed. */
class SpeechProgramTest {

    private static final SpeechProgram MISSING = new SpeechProgram("switchboard-no-such-tts", "no-such-package");

    @Test
    void aProgramThatIsNotOnThePathIsNotInstalled() {
        assertThat(MISSING.installed()).isFalse();
        assertThat(new SpeechProgram("sh", "dash").installed()).as("/bin/sh is on every PATH").isTrue();
    }

    @Test
    void runningAMissingProgramNamesThePackageToInstall() {
        assertThatThrownBy(() -> MISSING.speak(wav -> List.of(MISSING.name(), wav.toString()), 8000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y no-such-package");
    }

    @Test
    void espeakSpeaksALineAtTheRateAskedFor() {
        assumeTrue(EspeakVoice.installed(), "espeak-ng is not installed");
        short[] narrow = EspeakVoice.CALLER.render("tomorrow morning", 8000);
        short[] wide = EspeakVoice.CALLER.render("tomorrow morning", 16000);

        assertThat(narrow.length).isBetween(4000, 40000);
        assertThat(wide.length).isCloseTo(narrow.length * 2, org.assertj.core.api.Assertions.within(4));
        assertThat(EspeakVoice.CALLER.utterance("tomorrow morning").lastVoicedFrame()).isGreaterThan(10);
    }

    @Test
    void fliteSpeaksALineWithItsOwnVoices() {
        assumeTrue(FliteVoice.installed(), "flite is not installed");
        short[] rms = new FliteVoice("rms", 1.0).render("tomorrow morning", 8000);
        short[] slower = new FliteVoice("rms", 1.5).render("tomorrow morning", 8000);

        assertThat(rms.length).isBetween(4000, 40000);
        assertThat((double) slower.length).isGreaterThan(rms.length * 1.3);
        assertThatThrownBy(() -> new FliteVoice("rms", 1.0).render("-v", 8000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCallersOnEveryMachineIncludeMaryTtsAndOnlyInstalledPrograms() {
        List<String> ids = Callers.installedVoices().stream().map(CallerVoice::id).toList();

        assertThat(ids).filteredOn(id -> id.startsWith("marytts:")).hasSize(3);
        assertThat(ids.stream().anyMatch(id -> id.startsWith("espeak-ng:"))).isEqualTo(EspeakVoice.installed());
        assertThat(ids.stream().anyMatch(id -> id.startsWith("flite:"))).isEqualTo(FliteVoice.installed());
        assertThat(Callers.standard().voice().id()).startsWith(EspeakVoice.installed() ? "espeak-ng:" : "marytts:");
    }
}

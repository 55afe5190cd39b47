package io.switchboard.dialog.phrasing;

import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences a voice server preloads are the ones the voice phrasing speaks, all of them. */
class VoiceFixedSentencesTest {

    private final Phrasing voice = Phrasing.forChannel(Channel.VOICE);

    @Test
    void everySentenceWithoutArgumentsIsPreloaded() throws Exception {
        List<String> spoken = new ArrayList<>();
        for (Method m : Phrasing.class.getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType() == String.class && !Modifier.isStatic(m.getModifiers())) {
                spoken.add((String) m.invoke(voice));
            }
        }
        assertThat(spoken).as("the phrasing has fixed sentences").hasSizeGreaterThan(10);
        assertThat(VoicePhrasing.fixedSentences("Bristol Plumbing")).containsAll(spoken);
    }

    @Test
    void theGreetingAndEveryRepromptArePreloaded() {
        List<String> fixed = VoicePhrasing.fixedSentences("Bristol Plumbing");
        assertThat(fixed).contains(voice.greeting("Bristol Plumbing"), voice.askWhen("drain cleaning"));
        for (Expectation.Slot slot : Expectation.Slot.values()) {
            assertThat(fixed).contains(voice.askAgain(new Expectation(slot, List.of()), 1, List.of("drain cleaning")));
        }
        assertThat(fixed).contains(voice.askAgain(Expectation.NAME, 2, List.of()), voice.pinWrong(2));
        assertThat(fixed).doesNotHaveDuplicates();
    }
}

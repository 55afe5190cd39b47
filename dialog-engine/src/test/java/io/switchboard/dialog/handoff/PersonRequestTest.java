package io.switchboard.dialog.handoff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Asking for a person, by the owner's name too; call-back numbers and declines are not requests. */
class PersonRequestTest {

    private final PersonRequest requests = new PersonRequest("Sam");

    @ParameterizedTest
    @ValueSource(strings = {"can I speak to a real person", "let me talk to Sam", "is Sam there", "Sam around?", "is sam abt?", "could Sam speak to me",
            "put me through to someone", "transfer me please", "are you a robot", "I want a human",
            "speak with one of the team"})
    void aPersonNow(String said) {
        assertThat(requests.read(said)).contains(PersonRequest.Kind.PERSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"can someone just call me back", "ring me back please", "I'd like a call back",
            "have someone phone me", "get Sam to call me", "Sam call me when you can"})
    void aCallBack(String said) {
        assertThat(requests.read(said)).contains(PersonRequest.Kind.CALL_BACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me back on 07700 900456", "no need to call me back", "I need a plumber",
            "can you come tomorrow", "my name is Samantha Jones", "my name is Sam Jones", "samples of tiles", ""})
    void notARequest(String said) {
        assertThat(requests.read(said)).isEmpty();
    }
}

package io.switchboard.dialog.session;

import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionKeyTest {

    @Test
    void storageKeyNamesChannelAndId() {
        assertThat(new SessionKey(Channel.WHATSAPP, "+447700900123").storageKey())
                .isEqualTo("whatsapp:+447700900123");
    }

    @Test
    void toStringMasksThePhoneNumber() {
        String shown = new SessionKey(Channel.SMS, "+447700900123").toString();

        assertThat(shown).doesNotContain("7700900").endsWith("123]").contains("sms");
    }

    @Test
    void toStringEscapesALineBreakAClientPutInItsSessionId() {
        String shown = new SessionKey(Channel.WEB, "abcdefgh\nX").toString();

        assertThat(shown).doesNotContain("\n").endsWith("h\\nX]");
    }

    @Test
    void rejectsBlankAndOversizedIds() {
        assertThatThrownBy(() -> new SessionKey(Channel.SMS, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> new SessionKey(Channel.SMS, "x".repeat(SessionKey.MAX_ID_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
        assertThatThrownBy(() -> new SessionKey(null, "abc")).isInstanceOf(NullPointerException.class);
    }
}

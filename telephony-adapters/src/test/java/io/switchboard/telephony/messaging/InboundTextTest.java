package io.switchboard.telephony.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

class InboundTextTest {

    private static InboundText text(String body, int media) {
        return new InboundText(MessageProvider.TWILIO, "SM1", Channel.SMS, "+447700900123", body, media);
    }

    @Test
    void controlCharactersGoAndLineBreaksBecomeSpaces() {
        assertThat(text("  blocked\r\nsink\u0000\u0007 now\tplease ", 0).text()).isEqualTo("blocked  sink now please");
    }

    @Test
    void emojiAndOtherScriptsPassThrough() {
        assertThat(text("水管漏水了 🚰 Здравствуйте", 0).text()).isEqualTo("水管漏水了 🚰 Здравствуйте");
    }

    @Test
    void longTextIsCutWithoutSplittingAnEmoji() {
        String body = "a" + "🚰".repeat(1000);

        String cut = text(body, 0).text();

        assertThat(cut.length()).isLessThanOrEqualTo(InboundText.MAX_TEXT);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
        assertThat(cut.codePoints().allMatch(cp -> cp == 'a' || cp == 0x1F6B0)).isTrue();
    }

    @Test
    void mediaOnlyMeansAttachmentsAndNoWords() {
        assertThat(text("", 2).isMediaOnly()).isTrue();
        assertThat(text("  ", 1).isMediaOnly()).isTrue();
        assertThat(text("see photo", 1).isMediaOnly()).isFalse();
        assertThat(text("", 0).isMediaOnly()).isFalse();
        assertThat(text(null, -3).text()).isEmpty();
    }

    @Test
    void unusableMessageIdsAreRefused() {
        assertThat(InboundText.isUsableMessageId("SM1f0e8ae6ade43cb3c0ce4525424e404f")).isTrue();
        assertThat(InboundText.isUsableMessageId("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3RUNF==")).isTrue();
        assertThat(InboundText.isUsableMessageId("")).isFalse();
        assertThat(InboundText.isUsableMessageId("SM 1")).isFalse();
        assertThat(InboundText.isUsableMessageId("x".repeat(129))).isFalse();
        assertThatThrownBy(() -> new InboundText(MessageProvider.TWILIO, null, Channel.SMS, "+447700900123", "", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repliesAreFittedToTheProviderLimit() {
        assertThat(InboundTextHandler.fit("short", 1600)).isEqualTo("short");
        String fitted = InboundTextHandler.fit("x".repeat(1598) + "🚰🚰", 1600);
        assertThat(fitted).hasSize(1599).endsWith("x…");
    }
}

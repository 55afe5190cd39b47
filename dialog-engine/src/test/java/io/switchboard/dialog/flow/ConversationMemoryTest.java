package io.switchboard.dialog.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Channel;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What one conversation stores is bounded whatever the caller sends. */
class ConversationMemoryTest {

    @Test
    void listsKeepTheirFirstEntriesAndTextsAreCut() {
        Conversation c = Conversation.start("s1", Channel.SMS, "+447700900123");
        ZonedDateTime nine = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneId.of("Europe/London"));
        c.offered = new ArrayList<>(IntStream.range(0, 500).mapToObj(i -> nine.plusMinutes(15L * i)).toList());
        c.candidates = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList());
        c.wanted = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> TimePreference.asSoonAsPossible()).toList());
        c.pendingOwnerTimes = new ArrayList<>(c.wanted);
        c.name = "n".repeat(5_000);
        c.address = "a".repeat(5_000);
        c.problem = "p".repeat(5_000);
        c.pendingOwnerQuestion = "q".repeat(5_000);
        ZonedDateTime firstOffer = c.offered.get(0);

        c.capMemory();

        assertThat(c.offered).hasSize(Conversation.MAX_OFFERED).first().isEqualTo(firstOffer);
        assertThat(c.candidates).hasSize(Conversation.MAX_CANDIDATES);
        assertThat(c.wanted).hasSize(Conversation.MAX_WANTED);
        assertThat(c.pendingOwnerTimes).hasSize(Conversation.MAX_WANTED);
        assertThat(c.name).hasSize(Conversation.MAX_NAME);
        assertThat(c.address).hasSize(Conversation.MAX_ADDRESS);
        assertThat(c.problem).hasSize(Conversation.MAX_PROBLEM);
        assertThat(c.pendingOwnerQuestion).hasSize(Conversation.MAX_OWNER_QUESTION);
    }

    @Test
    void aConversationWithinTheBoundsIsUntouched() {
        Conversation c = Conversation.start("s1", Channel.VOICE, null);
        c.name = "Jane Doe";
        c.address = null;
        ArrayList<UUID> ids = new ArrayList<>(java.util.List.of(UUID.randomUUID()));
        c.candidates = ids;

        c.capMemory();

        assertThat(c.name).isEqualTo("Jane Doe");
        assertThat(c.address).isNull();
        assertThat(c.candidates).isSameAs(ids);
    }
}

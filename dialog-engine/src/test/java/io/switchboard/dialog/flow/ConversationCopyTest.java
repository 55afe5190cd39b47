package io.switchboard.dialog.flow;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.understanding.AddressParts;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A step works on a copy of the conversation, so the copy must carry every field and share no list. */
class ConversationCopyTest {

    @Test
    void everyFieldIsCopiedAndNoListIsShared() throws Exception {
        Conversation original = Conversation.start("s", Channel.SMS, "+447700900123");
        for (Field f : Conversation.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            f.set(original, sample(f));
        }

        Conversation copy = original.copy();

        for (Field f : Conversation.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(original));
            if (f.getType() == List.class || f.getType() == java.util.Map.class) {
                assertThat(f.get(copy)).as(f.getName() + " is a new collection").isNotSameAs(f.get(original));
            }
        }
    }

    private static Object sample(Field f) {
        Class<?> type = f.getType();
        if (type == String.class) {
            return "v-" + f.getName();
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == int.class) {
            return 7;
        }
        if (type == Channel.class) {
            return Channel.WHATSAPP;
        }
        if (type == io.switchboard.scheduling.identity.CodePurpose.class) {
            return io.switchboard.scheduling.identity.CodePurpose.OWNER_UNLOCK;
        }
        if (type == Intent.class) {
            return Intent.RESCHEDULE;
        }
        if (type == DialogState.class) {
            return DialogState.OFFERING;
        }
        if (type == Expectation.class) {
            return Expectation.PHONE;
        }
        if (type == AddressParts.class) {
            return new AddressParts("Flat 4", "7 Picton Street", null, "BS6 5QA");
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.parse("2026-11-24T10:00:00Z");
        }
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(f.getName().getBytes());
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-23T09:00:00Z");
        }
        if (type == io.switchboard.dialog.understanding.Expectation.Slot.class) {
            return io.switchboard.dialog.understanding.Expectation.Slot.ADDRESS;
        }
        if (type == java.util.Map.class) {
            return new java.util.HashMap<>(java.util.Map.of("collecting/NAME", 2));
        }
        if (type == List.class) {
            List<Object> list = new ArrayList<>();
            String generic = f.getGenericType().getTypeName();
            if (generic.contains("TimePreference")) {
                list.add(TimePreference.asSoonAsPossible());
            } else if (generic.contains("ZonedDateTime")) {
                list.add(ZonedDateTime.parse("2026-11-24T10:30:00Z"));
            } else {
                list.add(UUID.nameUUIDFromBytes(new byte[] {1}));
            }
            return list;
        }
        throw new AssertionError("no sample for " + f.getName() + " of " + type + ": add one, and copy the field");
    }
}

package io.switchboard.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallTokensTest {

    private static final String SID = "CA5f0e8ae6ade43cb3c0ce4525424e404f";
    private static final String FROM = "+447700900123";
    private static final byte[] KEY = "a-test-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final CallTokens tokens = new CallTokens(KEY, clock, Duration.ofMinutes(3));

    @Test
    void aMintedTokenVerifiesForItsCallAndCallerUntilItExpires() {
        String token = tokens.mint(SID, FROM);

        assertThat(tokens.check(token, SID, FROM))
                .isEqualTo(new CallTokenCheck.Valid(SID, FROM, Instant.parse("2026-11-23T09:03:00Z")));
        now.set(Instant.parse("2026-11-23T09:02:59Z"));
        assertThat(tokens.check(token, SID, FROM)).isInstanceOf(CallTokenCheck.Valid.class);
        now.set(Instant.parse("2026-11-23T09:03:00Z"));
        assertThat(tokens.check(token, SID, FROM)).isEqualTo(new CallTokenCheck.Invalid("token expired"));
    }

    @Test
    void anotherCallerOrCallOrKeyDoesNotVerify() {
        String token = tokens.mint(SID, FROM);

        assertThat(tokens.check(token, SID, "+447700900999")).isInstanceOf(CallTokenCheck.Invalid.class);
        assertThat(tokens.check(token, "CA" + "1".repeat(32), FROM)).isInstanceOf(CallTokenCheck.Invalid.class);
        CallTokens otherKey = new CallTokens("another-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8),
                clock, Duration.ofMinutes(3));
        assertThat(otherKey.check(token, SID, FROM)).isInstanceOf(CallTokenCheck.Invalid.class);
    }

    @Test
    void aStretchedExpiryBreaksTheSignature() {
        String[] parts = tokens.mint(SID, FROM).split("\\.");
        String stretched = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];

        assertThat(tokens.check(stretched, SID, FROM))
                .isEqualTo(new CallTokenCheck.Invalid("token signature does not match"));
    }

    @Test
    void aWithheldNumberIsCarriedAsEmpty() {
        String token = tokens.mint(SID, null);

        assertThat(tokens.check(token, SID, null)).isInstanceOf(CallTokenCheck.Valid.class)
                .extracting(c -> ((CallTokenCheck.Valid) c).from()).isEqualTo("");
        assertThat(tokens.check(token, SID, FROM)).isInstanceOf(CallTokenCheck.Invalid.class);
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String junk : new String[] {null, "", "v1", "v1.x.y", "v2.1.abc", "v1.1.abc.def", "x".repeat(10_000)}) {
            assertThat(tokens.check(junk, SID, FROM)).as(String.valueOf(junk)).isInstanceOf(CallTokenCheck.Invalid.class);
        }
        assertThat(tokens.check(tokens.mint(SID, FROM), null, FROM)).isInstanceOf(CallTokenCheck.Invalid.class);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new CallTokens(new byte[16], clock, Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.switchboard.telephony.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessedMessagesTest {

    private final Database db = TestDatabase.freshSchema();
    private final MutableClock clock = MutableClock.at(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0,
            ZoneId.of("Europe/London")));
    private final ProcessedMessages processed = new ProcessedMessages(db.dsl(), clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void racingDeliveriesRunTheWorkOnceAndAllSeeItsReply() throws Exception {
        int deliveries = 8;
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(deliveries);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Future<Handled>> results = IntStream.range(0, deliveries).mapToObj(i -> pool.submit(() -> {
                start.await();
                return processed.handleOnce(MessageProvider.TWILIO, "SM-race", () -> {
                    runs.incrementAndGet();
                    return Optional.of("reply #" + runs.get());
                });
            })).toList();
            List<Handled> handled = results.stream().map(f -> {
                try {
                    return f.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();

            assertThat(runs).hasValue(1);
            assertThat(handled).extracting(Handled::replyText).containsOnly("reply #1");
            assertThat(handled).filteredOn(Handled::firstDelivery).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedWorkLeavesNoTraceSoARetryRunsIt() {
        assertThatThrownBy(() -> processed.handleOnce(MessageProvider.WHATSAPP, "wamid.1", () -> {
            throw new IllegalStateException("engine down");
        })).hasMessage("engine down");

        Handled retry = processed.handleOnce(MessageProvider.WHATSAPP, "wamid.1", () -> Optional.of("hello"));

        assertThat(retry.firstDelivery()).isTrue();
        assertThat(retry.reply()).contains("hello");
    }

    @Test
    void noReplyIsRememberedAsNoReply() {
        processed.handleOnce(MessageProvider.TWILIO, "SM-stop", Optional::empty);

        Handled again = processed.handleOnce(MessageProvider.TWILIO, "SM-stop", () -> Optional.of("must not run"));

        assertThat(again.firstDelivery()).isFalse();
        assertThat(again.reply()).isEmpty();
    }

    @Test
    void theSameIdFromAnotherProviderIsAnotherMessage() {
        processed.handleOnce(MessageProvider.TWILIO, "id-1", () -> Optional.of("sms"));

        assertThat(processed.handleOnce(MessageProvider.WHATSAPP, "id-1", () -> Optional.of("wa")).reply())
                .contains("wa");
    }

    @Test
    void pruningForgetsOnlyOldIds() {
        processed.handleOnce(MessageProvider.TWILIO, "SM-old", () -> Optional.of("old"));
        clock.advance(Duration.ofDays(8));
        processed.handleOnce(MessageProvider.TWILIO, "SM-new", () -> Optional.of("new"));

        assertThat(processed.pruneOlderThan(clock.instant().minus(TextChannels.KEEP_PROCESSED))).isEqualTo(1);
        assertThat(processed.handleOnce(MessageProvider.TWILIO, "SM-new", () -> Optional.of("again")).reply())
                .contains("new");
    }
}

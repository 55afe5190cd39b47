package io.switchboard.dialog.session;

import io.switchboard.models.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedLockTest {

    private static final SessionKey CALLER = new SessionKey(Channel.SMS, "+447700900123");

    private final KeyedLock<SessionKey> locks = new KeyedLock<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aSecondMessageOfTheSameCallerWaitsForTheFirst() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<?> first = pool.submit(() -> locks.run(CALLER, () -> {
            events.add("first:start");
            firstInside.countDown();
            await(releaseFirst);
            events.add("first:end");
        }));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> locks.run(CALLER, () -> events.add("second:start")));

        // the second thread is registered as waiting, and has not run, while the first still holds the lock
        while (locks.users(CALLER) < 2) {
            Thread.onSpinWait();
        }
        assertThat(events).containsExactly("first:start");

        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(events).containsExactly("first:start", "first:end", "second:start");
    }

    @Test
    void differentCallersDoNotWaitForEachOther() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstInside = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> locks.run(CALLER, () -> {
            firstInside.countDown();
            await(releaseFirst);
        }));
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();

        SessionKey other = new SessionKey(Channel.SMS, "+447700900456");
        String result = pool.submit(() -> locks.withLock(other, () -> "done")).get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo("done");
        releaseFirst.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void concurrentReadModifyWriteOfOneKeyLosesNoUpdate() throws Exception {
        int[] counter = {0};
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    locks.run(CALLER, () -> {
                        int read = counter[0];
                        Thread.yield();
                        counter[0] = read + 1;
                    });
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(counter[0]).isEqualTo(8_000);
        assertThat(locks.activeKeys()).as("idle keys are forgotten").isZero();
    }

    @Test
    void theLockIsReleasedWhenTheWorkThrows() {
        assertThatThrownBy(() -> locks.run(CALLER, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(locks.users(CALLER)).isZero();
        assertThat(locks.withLock(CALLER, () -> 42)).isEqualTo(42);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RecognitionWorkersTest {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();
    private final List<String> waits = Collections.synchronizedList(new ArrayList<>());
    private RecognitionWorkers workers;

    @AfterEach
    void stop() {
        if (workers != null) {
            workers.close();
        }
    }

    private RecognitionWorkers start(int n) {
        workers = RecognitionWorkers.start(n, new RecognitionObserver() {
            @Override
            public void waited(RecognitionPriority priority, long nanos) {
                waits.add(priority.tag() + "=" + TimeUnit.NANOSECONDS.toMillis(nanos));
            }

            @Override
            public void worked(String work, long nanos) {
            }
        }, clock::get);
        return workers;
    }

    @Test
    void aFinalSeesAllTheAudioBeforeItInOrder() {
        RecognitionLane lane = start(1).lane(new FakeStream("a"));
        for (short i = 1; i <= 40; i++) {
            lane.accept(new short[] {i, 0, 0}, 3);
        }
        lane.reset();
        for (short i = 41; i <= 43; i++) {
            lane.accept(new short[] {i}, 1);
        }

        assertThat(lane.finalResult()).isEqualTo("41 42 43");
        assertThat(lane.partial()).isEmpty();
        lane.close();
    }

    @Test
    void anExpectationReachesTheStreamInOrderWithCoresJudgedSpareByCallsAndByHowBusyTheWorkersWere() {
        // One worker: its slices run one after another, so the busy time it reports follows the pool's clock exactly.
        RecognitionWorkers pool = start(1);
        List<String> expected = Collections.synchronizedList(new ArrayList<>());
        ListeningFor name = new ListeningFor("NAME", t -> true, List.of("john smith"), true, true);
        FakeStream first = new FakeStream("first") {
            @Override
            public void expect(ListeningFor listening, boolean spareCapacity) {
                expected.add(listening.label() + (spareCapacity ? " spare" : " busy") + " after " + heard);
            }
        };
        RecognitionLane lane = pool.lane(first);
        lane.accept(new short[] {1}, 1);
        lane.expect(name, true);
        lane.accept(new short[] {2}, 1);
        assertThat(lane.finalResult()).isEqualTo("1 2");

        RecognitionLane second = pool.lane(new FakeStream("second"));
        clock.addAndGet(WorkerLoad.WINDOW_NANOS);
        lane.expect(name, true); // two calls on one worker, but the worker was idle
        lane.finalResult();
        List<RecognitionLane> more = new ArrayList<>();
        while (more.size() + 2 <= RecognitionWorkers.MOST_CALLS_PER_WORKER_FOR_SPARE) {
            more.add(pool.lane(new FakeStream("more")));
        }
        lane.expect(name, true); // more calls than the busy share is trusted for: never spare, idle or not
        lane.finalResult();
        more.forEach(RecognitionLane::close);

        // the worker decoding all the time from now on: above the spare share once it has lasted
        first.advanceNanos = WorkerLoad.WINDOW_NANOS;
        for (short i = 0; i < 10; i++) {
            lane.accept(new short[] {i}, 1);
            lane.finalResult();
        }
        assertThat(pool.busyShare()).isBetween(RecognitionWorkers.SPARE_BELOW, 1.0);
        lane.expect(name, true);
        lane.finalResult();
        second.close();
        lane.expect(name, true); // no more calls than workers: spare however busy
        lane.finalResult();
        lane.expect(name, false); // the stage's own word counts too
        lane.finalResult();

        assertThat(expected).containsExactly("NAME spare after 1", "NAME spare after ", "NAME busy after ",
                "NAME busy after ", "NAME spare after ", "NAME busy after ");
        lane.close();
    }

    @Test
    void aLaneRunsOnOneWorkerAtATimeAndNoMoreWorkersThanThePool() throws Exception {
        start(2);
        List<Thread> calls = new ArrayList<>();
        List<String> finals = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < 6; c++) {
            FakeStream stream = new FakeStream("c" + c);
            stream.workMicros = 50;
            RecognitionLane lane = workers.lane(stream);
            Thread t = new Thread(() -> {
                for (int turn = 0; turn < 3; turn++) {
                    for (short i = 0; i < 60; i++) {
                        lane.accept(new short[] {i}, 1);
                        if (i % 20 == 19) {
                            lane.partial();
                        }
                    }
                    finals.add(lane.finalResult());
                }
                lane.close();
            });
            calls.add(t);
            t.start();
        }
        for (Thread t : calls) {
            t.join();
        }

        assertThat(finals).hasSize(18).allSatisfy(f -> assertThat(f.split(" ")).hasSize(60));
        assertThat(mostRunning.get()).as("streams decoding at once").isLessThanOrEqualTo(2);
        assertThat(events).as("a stream used by two threads at once").doesNotContain("overlap");
    }

    @Test
    void finalsGoFirstThenSpeculativeReadsThenFeeding() throws Exception {
        start(1);
        FakeStream busy = new FakeStream("busy");
        busy.gate = new CountDownLatch(1);
        RecognitionLane busyLane = workers.lane(busy);
        busyLane.accept(new short[] {1}, 1);
        awaitEvent("busy:accept-started");

        RecognitionLane feeding = workers.lane(new FakeStream("feed"));
        clock.set(TimeUnit.MILLISECONDS.toNanos(10));
        feeding.accept(new short[] {7}, 1);
        clock.set(TimeUnit.MILLISECONDS.toNanos(20));
        RecognitionLane speculating = workers.lane(new FakeStream("spec"));
        Thread partial = new Thread(speculating::partial);
        partial.start();
        awaitReady(RecognitionPriority.SPECULATIVE);
        clock.set(TimeUnit.MILLISECONDS.toNanos(30));
        RecognitionLane finishing = workers.lane(new FakeStream("final"));
        Thread last = new Thread(finishing::finalResult);
        last.start();
        awaitReady(RecognitionPriority.FINAL);
        clock.set(TimeUnit.MILLISECONDS.toNanos(100));
        busy.gate.countDown();
        partial.join();
        last.join();
        // The queued feed is served next at its own priority; a final asked before the worker reaches it would take
        // the queued audio with it (served as a final), so wait for the feed to start first.
        awaitEvent("feed:accept-started");
        feeding.finalResult();

        assertThat(events.stream().filter(e -> !e.startsWith("busy")).toList())
                .startsWith("final:final", "spec:partial", "feed:accept-started");
        assertThat(waits).as("time each lane waited, by the priority it was served at")
                .containsSubsequence("final=70", "speculative=80", "feed=90");
    }

    @Test
    void aLaneThatFellBehindYieldsToAnotherCallsFinal() throws Exception {
        start(1);
        FakeStream behind = new FakeStream("behind");
        behind.gate = new CountDownLatch(1);
        RecognitionLane behindLane = workers.lane(behind);
        for (short i = 0; i < 100; i++) {
            behindLane.accept(new short[] {i}, 1);
        }
        awaitEvent("behind:accept-started");
        RecognitionLane other = workers.lane(new FakeStream("other"));
        Thread finalThread = new Thread(other::finalResult);
        finalThread.start();
        awaitReady(RecognitionPriority.FINAL);
        behind.gate.countDown();
        finalThread.join();

        List<String> seen; // the worker goes on feeding the lagging lane meanwhile: read a copy
        synchronized (events) {
            seen = new ArrayList<>(events);
        }
        long fedFirst = seen.subList(0, seen.indexOf("other:final")).stream()
                .filter(e -> e.equals("behind:accept-started")).count();
        assertThat(fedFirst).as("frames of the lagging call fed before the other call's final")
                .isLessThanOrEqualTo(RecognitionWorkers.FEED_SLICE);
        assertThat(behindLane.finalResult().split(" ")).hasSize(100);
    }

    @Test
    void aRecogniserFailureOnAWorkerReachesTheCallsThread() {
        FakeStream broken = new FakeStream("broken");
        broken.failAt = 3;
        RecognitionLane lane = start(1).lane(broken);
        for (short i = 0; i < 3; i++) {
            lane.accept(new short[] {i}, 1);
        }

        assertThatThrownBy(lane::finalResult).hasMessage("decoder broke");
        assertThatThrownBy(() -> lane.accept(new short[] {1}, 1)).hasMessage("decoder broke");
        lane.close();
        assertThat(broken.closed).isEqualTo(1);
    }

    @Test
    void closingWaitsForTheWorkInProgressAndClosesTheStreamOnce() throws Exception {
        FakeStream stream = new FakeStream("s");
        stream.gate = new CountDownLatch(1);
        RecognitionLane lane = start(1).lane(stream);
        for (short i = 0; i < 10; i++) {
            lane.accept(new short[] {i}, 1);
        }
        awaitEvent("s:accept-started");
        Thread closer = new Thread(lane::close);
        closer.start();
        closer.join(200);
        assertThat(closer.isAlive()).as("close waits while a worker is inside the recogniser").isTrue();
        assertThat(stream.closed).isZero();

        stream.gate.countDown();
        closer.join();
        lane.close();

        assertThat(stream.closed).isEqualTo(1);
        assertThat(events.stream().filter(e -> e.equals("s:accept-started")).count())
                .as("queued audio dropped at close").isLessThan(10);
        assertThatThrownBy(lane::partial).isInstanceOf(IllegalStateException.class);
    }

    private void awaitEvent(String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!events.contains(event)) {
            assertThat(System.nanoTime()).as("waiting for " + event).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private void awaitReady(RecognitionPriority priority) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (workers.readyAt(priority) == 0) {
            assertThat(System.nanoTime()).as("waiting for a lane ready at " + priority).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Records what it is asked, in order; its transcript is the first sample of every frame since the last reset. */
    private class FakeStream implements RecognitionStream {
        final String name;
        final StringBuilder heard = new StringBuilder();
        final AtomicInteger inside = new AtomicInteger();
        CountDownLatch gate;
        int workMicros;
        /** Each frame accepted moves the pool's clock on this far: the time its decoding took. */
        volatile long advanceNanos;
        int failAt = -1;
        int accepted;
        volatile int closed;

        FakeStream(String name) {
            this.name = name;
        }

        private void enter(String what) {
            events.add(name + ":" + what);
            if (inside.incrementAndGet() > 1) {
                events.add("overlap");
            }
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (workMicros > 0) {
                long until = System.nanoTime() + workMicros * 1000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        }

        private void leave() {
            running.decrementAndGet();
            inside.decrementAndGet();
        }

        @Override
        public void accept(short[] pcm16k, int len) {
            enter("accept-started");
            clock.addAndGet(advanceNanos);
            try {
                if (gate != null) {
                    gate.await();
                }
                if (++accepted == failAt) {
                    throw new SpeechEngineException("decoder broke");
                }
                if (!heard.isEmpty()) {
                    heard.append(' ');
                }
                heard.append(pcm16k[0]);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                leave();
            }
        }

        @Override
        public String partial() {
            enter("partial");
            leave();
            return heard.toString();
        }

        @Override
        public String finalResult() {
            enter("final");
            String text = heard.toString();
            heard.setLength(0);
            leave();
            return text;
        }

        @Override
        public void reset() {
            heard.setLength(0);
        }

        @Override
        public void setPhraseHints(List<String> phrases) {
        }

        @Override
        public void close() {
            closed++;
        }
    }
}

package io.switchboard.media.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerLoadTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long WINDOW = WorkerLoad.WINDOW_NANOS;

    @Test
    void aPoolNeverAskedAboutIsIdle() {
        WorkerLoad load = new WorkerLoad(2);
        assertThat(load.share(0)).isZero();
        assertThat(load.share(WINDOW / 2)).isZero();
    }

    @Test
    void theShareIsOfThePoolsTimeNotOfOneWorkers() {
        WorkerLoad load = new WorkerLoad(2);
        load.share(0);
        // one worker busy all the time, the other idle: half the pool, in the first whole window a quarter of it
        // counts (smoothed), then it rises towards a half
        load.busy(WINDOW, WINDOW);
        assertThat(load.share(WINDOW)).isCloseTo(0.125, within(1e-9));
        for (int w = 2; w <= 40; w++) {
            load.busy(WINDOW, w * WINDOW);
        }
        assertThat(load.share(40 * WINDOW)).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void busyTimeCountsOnlyOnceItsWindowIsWhole() {
        WorkerLoad load = new WorkerLoad(1);
        load.share(0);
        load.busy(WINDOW / 2, WINDOW / 2);
        assertThat(load.share(WINDOW / 2)).as("the window is not over").isZero();
        assertThat(load.share(WINDOW)).isCloseTo(0.5 / WorkerLoad.SMOOTHING_WINDOWS, within(1e-9));
    }

    @Test
    void aBurstBetweenQuietWindowsIsSmoothedAndALongQuietForgetsIt() {
        WorkerLoad load = new WorkerLoad(2);
        load.share(0);
        load.busy(2 * WINDOW, WINDOW); // both workers flat out for one window
        double afterBurst = load.share(WINDOW);
        assertThat(afterBurst).isCloseTo(1.0 / WorkerLoad.SMOOTHING_WINDOWS, within(1e-9));
        assertThat(load.share(2 * WINDOW)).as("a quiet window lowers it, not to nothing").isBetween(0.1, afterBurst);
        long later = 2 * WINDOW + WorkerLoad.SMOOTHING_WINDOWS * WINDOW;
        assertThat(load.share(later)).as("nothing asked for longer than the smoothing: that time alone").isZero();
    }

    @Test
    void moreBusyTimeThanTheWindowHoldsIsAFullPool() {
        WorkerLoad load = new WorkerLoad(1);
        load.share(0);
        load.busy(10 * WINDOW, WINDOW + MS); // one slice that ran longer than the window
        assertThat(load.share(WINDOW + MS)).isCloseTo(1.0 / WorkerLoad.SMOOTHING_WINDOWS, within(1e-9));
    }

    @Test
    void aPoolHasWorkers() {
        assertThatThrownBy(() -> new WorkerLoad(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

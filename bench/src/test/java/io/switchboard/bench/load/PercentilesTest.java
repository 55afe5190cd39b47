package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverOneToHundredIsTheValueItself() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        Collections.shuffle(values, new java.util.Random(7));
        Percentiles p = Percentiles.of(values);

        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(95)).isEqualTo(95);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.at(0.5)).isEqualTo(1);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        Percentiles p = Percentiles.of(400, 100, 300, 200);

        assertThat(p.at(50)).isEqualTo(200);
        assertThat(p.at(51)).isEqualTo(300);
        assertThat(p.at(95)).isEqualTo(400);
        assertThat(p.max()).isEqualTo(400);
    }

    @Test
    void unknownValuesAreLeftOutAndNoValuesGiveNaN() {
        assertThat(Percentiles.of(Arrays.asList(Double.NaN, 5.0, null)).at(50)).isEqualTo(5);
        assertThat(Percentiles.of().at(50)).isNaN();
        assertThatThrownBy(() -> Percentiles.of(1).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(1).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}

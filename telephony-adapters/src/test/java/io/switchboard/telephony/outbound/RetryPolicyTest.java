package io.switchboard.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffGrowsGeometricallyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1), 2.0);
        assertThat(policy.backoffBeforeRetry(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBeforeRetry(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffBeforeRetry(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoffBeforeRetry(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBeforeRetry(50)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().backoffBeforeRetry(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.switchboard.telephony.metrics;

import io.micrometer.core.instrument.Counter;
import io.switchboard.dialog.metrics.Metrics;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code switchboard_owner_alerts_total{result}}: what happened to each owner alert, counted per alert (an aggregate
 * of five counts five). {@code sent}: delivered in a text of its own; {@code aggregated}: delivered inside an
 * aggregate; {@code deferred}: held for the next text (the owner's rate limit was reached, or it did not fit);
 * {@code failed}: a send failed and it will be retried; {@code expired}: still undelivered after the give-up time.
 * {@code failed} and {@code expired} without a later {@code sent}/{@code aggregated} need a look; alert on
 * {@code expired}.
 */
public final class OwnerAlertMetrics {

    static final String ALERTS = Metrics.PREFIX + "owner.alerts";

    /** The {@code result} tag. */
    public enum Result { SENT, AGGREGATED, DEFERRED, FAILED, EXPIRED }

    private final Map<Result, Counter> counters = new EnumMap<>(Result.class);

    public OwnerAlertMetrics(Metrics metrics) {
        for (Result r : Result.values()) {
            counters.put(r, Counter.builder(ALERTS).description("Owner emergency alerts by what happened to them")
                    .tag("result", r.name().toLowerCase(Locale.ROOT)).register(metrics.registry()));
        }
    }

    public void record(Result result, int alerts) {
        if (alerts > 0) {
            counters.get(result).increment(alerts);
        }
    }

    /** The count so far, for tests and the status page. */
    public double count(Result result) {
        return counters.get(result).count();
    }
}

package io.switchboard.bench.load;

/**
 * What one load level measured. Latencies in ms, client side unless named {@code server*}; NaN when not measured.
 *
 * @param callers              simultaneous callers
 * @param calls                calls made
 * @param conversationsDone    calls whose conversation completed (every reply, goodbye, hang-up)
 * @param rightBookings        calls that ended with the right booking
 * @param turns                caller turns measured
 * @param p50                  caller's last voiced frame to first reply frame, median
 * @param p95                  ditto, 95th percentile
 * @param p99                  ditto, 99th percentile
 * @param max                  ditto, worst
 * @param serverCpuAvg         server CPU over the level, % of one core
 * @param serverCpuPeak        server CPU over the busiest ~1 s, % of one core
 * @param serverRssMib         server peak resident memory, MiB
 * @param clientCpuAvg         this load generator's own CPU, % of one core (it shares the machine)
 * @param doubleBookings       overlapping appointment pairs on the calendar after the level
 * @param slotRacesLost        confirmations the server refused because another caller had just taken the slot (from
 *                             the server log; -1 without it)
 * @param serverSttP50         server: end of speech detected to final transcript, median
 * @param serverSttP95         ditto, 95th percentile
 * @param serverDialogP50      server: transcript to reply text, median
 * @param serverDialogP95      ditto, 95th percentile
 * @param serverTtsP50         server: reply text to first synthesised audio, median
 * @param serverTtsP95         ditto, 95th percentile
 * @param serverTotalP50       server: end of speech detected to first frame sent, median
 * @param serverTotalP95       ditto, 95th percentile
 * @param seconds              wall time of the level
 * @param falseCutOffs         caller lines whose reply began while the caller was still talking, or which the caller
 *                             talked into within 300 ms of its start ({@link FalseCutOffs})
 * @param clientCpuPeak        the simulated callers' (this process's) CPU over the busiest ~1 s, % of one core
 * @param queueWaits           the server's recognition queue wait over the level, by priority (final, speculative,
 *                             feed); empty when its metrics could not be read
 */
public record LevelResult(int callers, int calls, int conversationsDone, int rightBookings, int turns,
                          double p50, double p95, double p99, double max,
                          double serverCpuAvg, double serverCpuPeak, double serverRssMib, double clientCpuAvg,
                          int doubleBookings, int slotRacesLost,
                          double serverSttP50, double serverSttP95, double serverDialogP50, double serverDialogP95,
                          double serverTtsP50, double serverTtsP95, double serverTotalP50, double serverTotalP95,
                          double seconds, int falseCutOffs, double clientCpuPeak,
                          java.util.Map<String, QueueWaits.Wait> queueWaits) {

    public LevelResult {
        queueWaits = java.util.Map.copyOf(queueWaits);
    }

    /** Share of the caller's lines that were falsely cut off, 0 to 1. */
    public double cutOffShare() {
        return turns == 0 ? 0 : (double) falseCutOffs / turns;
    }

    /** The queue wait of one priority over the level ({@link QueueWaits.Wait#NONE} if not measured). */
    public QueueWaits.Wait queueWait(String priority) {
        return queueWaits.getOrDefault(priority, QueueWaits.Wait.NONE);
    }

    /** Share of calls that ended with the right booking, 0 to 1. */
    public double rightShare() {
        return calls == 0 ? 0 : (double) rightBookings / calls;
    }
}

package io.switchboard.telephony.calllog;

import static io.switchboard.scheduling.db.Tables.CALL_LOG;
import static io.switchboard.scheduling.db.Tables.CALL_TURN;
import static io.switchboard.scheduling.db.Tables.CONVERSATION_ERROR;

import io.switchboard.models.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The owner's metrics, computed from the stored conversation log (every channel), so they survive restarts and are
 * the same on every instance: conversations, how many booked (conversion), how long from the first message to the
 * booking, failed turns by kind — per channel and per local day. Blocking JDBC: call from a worker thread.
 */
public final class ConversationStats {

    /** One channel's figures over the period. */
    public record ChannelFigures(Channel channel, int conversations, int booked, Duration medianTimeToBooking,
                                 Map<String, Integer> errors) {

        /** Booked conversations as a share of all, 0 when there were none. */
        public double conversion() {
            return conversations == 0 ? 0 : (double) booked / conversations;
        }
    }

    /** One local day, all channels. */
    public record Day(LocalDate date, int conversations, int booked) {
    }

    /** @param channels every channel, in declaration order, including those with nothing */
    public record Report(Instant since, List<ChannelFigures> channels, List<Day> days) {
    }

    private final DSLContext dsl;
    private final ZoneId zone;

    public ConversationStats(DSLContext dsl, ZoneId zone) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Conversations started in {@code [since, until]}; days from the local day of {@code since}. */
    public Report between(Instant since, Instant until) {
        OffsetDateTime from = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
        OffsetDateTime to = OffsetDateTime.ofInstant(until, ZoneOffset.UTC);
        var firstBooked = DSL.field(DSL.select(DSL.min(CALL_TURN.AT)).from(CALL_TURN)
                .where(CALL_TURN.CALL_SID.eq(CALL_LOG.CALL_SID)).and(CALL_TURN.STATE.eq("booked"))).as("first_booked");
        Map<Channel, int[]> counts = new EnumMap<>(Channel.class);
        Map<Channel, List<Duration>> toBooking = new EnumMap<>(Channel.class);
        Map<Channel, Map<String, Integer>> errors = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            counts.put(c, new int[2]);
            toBooking.put(c, new ArrayList<>());
            errors.put(c, new TreeMap<>());
        }
        TreeMap<LocalDate, int[]> daily = new TreeMap<>();
        for (LocalDate d = since.atZone(zone).toLocalDate(); !d.atStartOfDay(zone).toInstant().isAfter(until);
             d = d.plusDays(1)) {
            daily.put(d, new int[2]);
        }
        dsl.select(CALL_LOG.CHANNEL, CALL_LOG.OUTCOME, CALL_LOG.STARTED_AT, firstBooked)
                .from(CALL_LOG)
                .where(CALL_LOG.STARTED_AT.ge(from)).and(CALL_LOG.STARTED_AT.le(to))
                .forEach(r -> {
                    Channel channel = Channel.fromWire(r.value1()).orElse(Channel.VOICE);
                    boolean booked = CallOutcome.BOOKED.wireName().equals(r.value2());
                    int[] c = counts.get(channel);
                    c[0]++;
                    int[] day = daily.computeIfAbsent(r.value3().atZoneSameInstant(zone).toLocalDate(), d -> new int[2]);
                    day[0]++;
                    if (booked) {
                        c[1]++;
                        day[1]++;
                        if (r.value4() != null) {
                            toBooking.get(channel).add(Duration.between(r.value3(), r.value4()));
                        }
                    }
                });
        dsl.select(CONVERSATION_ERROR.CHANNEL, CONVERSATION_ERROR.KIND, DSL.count())
                .from(CONVERSATION_ERROR)
                .where(CONVERSATION_ERROR.AT.ge(from)).and(CONVERSATION_ERROR.AT.le(to))
                .groupBy(CONVERSATION_ERROR.CHANNEL, CONVERSATION_ERROR.KIND)
                .forEach(r -> Channel.fromWire(r.value1()).ifPresent(ch -> errors.get(ch).put(r.value2(), r.value3())));
        List<ChannelFigures> channels = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channels.add(new ChannelFigures(c, counts.get(c)[0], counts.get(c)[1], median(toBooking.get(c)),
                    Map.copyOf(errors.get(c))));
        }
        List<Day> days = new ArrayList<>();
        daily.forEach((d, n) -> days.add(new Day(d, n[0], n[1])));
        return new Report(since, List.copyOf(channels), List.copyOf(days));
    }

    /** The middle value (the lower of the two middles for an even count), or null for none. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}

package io.switchboard.scheduling.testing;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.database.Database;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.function.UnaryOperator;

/** A scheduling core over a fresh schema with a settable clock. */
public final class SchedulingFixture implements AutoCloseable {

    public static final Actor TEST_ACTOR = new Actor(Channel.WEB, "test");

    private final Database database;
    private final MutableClock clock;
    private final Scheduling scheduling;

    public SchedulingFixture(BusinessProfile profile, LocalDateTime now) {
        this(profile, now, UnaryOperator.identity());
    }

    /** With the fresh schema's database seen through {@code view} (e.g. {@link Database#observedBy}). */
    public SchedulingFixture(BusinessProfile profile, LocalDateTime now, UnaryOperator<Database> view) {
        this.database = view.apply(TestDatabase.freshSchema());
        this.clock = MutableClock.at(ZonedDateTime.of(now, profile.timezone()));
        this.scheduling = Scheduling.create(profile, clock, database);
    }

    public Scheduling scheduling() {
        return scheduling;
    }

    public MutableClock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public ZonedDateTime at(LocalDateTime local) {
        return ZonedDateTime.of(local, scheduling.profile().timezone());
    }

    public BookingRequest request(String serviceId, LocalDateTime start, String phone) {
        return new BookingRequest(null, serviceId, at(start), phone, "Test Caller", "1 Test Street, Bristol",
                "test job", false, TEST_ACTOR);
    }

    public int count(String sql) {
        return ((Number) database.dsl().fetchValue(sql)).intValue();
    }

    @Override
    public void close() {
        database.close();
    }
}

package io.switchboard.scheduling;

import io.switchboard.models.BusinessProfile;
import io.switchboard.scheduling.audit.AuditLog;
import io.switchboard.scheduling.availability.AvailabilityService;
import io.switchboard.scheduling.availability.BookingWindow;
import io.switchboard.scheduling.availability.CombinedCalendarView;
import io.switchboard.scheduling.availability.SlotSource;
import io.switchboard.scheduling.booking.AppointmentStore;
import io.switchboard.scheduling.booking.BookingService;
import io.switchboard.scheduling.booking.SlotAuthority;
import io.switchboard.scheduling.calendar.CalendarOutbox;
import io.switchboard.scheduling.calendar.ImportedBusyTime;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.phone.PhoneNumberNormalizer;
import io.switchboard.scheduling.profile.BusinessProfileLoader;
import io.switchboard.scheduling.settings.CurrentProfile;
import io.switchboard.scheduling.settings.OwnerSettingsChanges;
import io.switchboard.scheduling.settings.OwnerSettingsStore;

import java.time.Clock;
import java.time.Duration;

/** The scheduling core wired over one database: what the dialog engine and the HTTP API talk to. */
public record Scheduling(CurrentProfile profiles, Clock clock, Database database, AppointmentStore appointments,
                         BookingWindow window, AvailabilityService availability, BookingService bookings,
                         AuditLog audit, CalendarOutbox calendarOutbox, PhoneNumberNormalizer phones,
                         OwnerSettingsChanges settings) {

    public static Scheduling create(BusinessProfile profile, Clock clock, Database database) {
        return create(profile, clock, database, SlotSource.NONE, SlotAuthority.NONE, CurrentProfile.DEFAULT_REFRESH);
    }

    /**
     * With an external calendar that decides slots (Cal.com): {@code slots} narrows what is offered and
     * {@code authority} must accept each booking and move.
     */
    public static Scheduling create(BusinessProfile profile, Clock clock, Database database, SlotSource slots,
                                    SlotAuthority authority) {
        return create(profile, clock, database, slots, authority, CurrentProfile.DEFAULT_REFRESH);
    }

    /**
     * With the owner's dashboard settings over {@code profile} seen by this instance within {@code refresh} of a
     * change made on another.
     */
    public static Scheduling create(BusinessProfile profile, Clock clock, Database database, Duration refresh) {
        return create(profile, clock, database, SlotSource.NONE, SlotAuthority.NONE, refresh);
    }

    public static Scheduling create(BusinessProfile profile, Clock clock, Database database, SlotSource slots,
                                    SlotAuthority authority, Duration refresh) {
        OwnerSettingsStore settingsStore = new OwnerSettingsStore(database.dsl());
        BusinessProfileLoader loader = new BusinessProfileLoader();
        CurrentProfile current = new CurrentProfile(profile, settingsStore, loader, refresh);
        AppointmentStore store = new AppointmentStore(database.dsl(), profile.timezone());
        BookingWindow window = new BookingWindow(current, clock);
        // The owner's own calendar (imported by the Google Calendar pull, when configured) blocks offers too.
        AvailabilityService availability = new AvailabilityService(current, window,
                new CombinedCalendarView(store, new ImportedBusyTime(database.dsl(),
                        profile.rules().calendarEventBuffer())), slots);
        AuditLog audit = new AuditLog(database.dsl());
        CalendarOutbox outbox = new CalendarOutbox(database.dsl(), clock);
        BookingService bookings = new BookingService(profile, clock, database.dsl(), store, availability, window,
                audit, outbox, authority);
        return new Scheduling(current, clock, database, store, window, availability, bookings, audit, outbox,
                new PhoneNumberNormalizer(profile.phoneRegion()),
                new OwnerSettingsChanges(database.dsl(), settingsStore, current, loader, audit, clock));
    }

    /**
     * The business profile in force now: the file with the owner's dashboard settings. Read it when it is used, not
     * once at start, so hours, blackout days and FAQ answers changed by the owner apply at once.
     */
    public BusinessProfile profile() {
        return profiles.get();
    }
}

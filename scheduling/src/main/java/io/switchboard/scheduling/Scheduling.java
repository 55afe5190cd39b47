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

import java.time.Clock;

/** The scheduling core wired over one database: what the dialog engine and the HTTP API talk to. */
public record Scheduling(BusinessProfile profile, Clock clock, Database database, AppointmentStore appointments,
                         BookingWindow window, AvailabilityService availability, BookingService bookings,
                         AuditLog audit, CalendarOutbox calendarOutbox, PhoneNumberNormalizer phones) {

    public static Scheduling create(BusinessProfile profile, Clock clock, Database database) {
        return create(profile, clock, database, SlotSource.NONE, SlotAuthority.NONE);
    }

    /**
     * With an external calendar that decides slots (Cal.com): {@code slots} narrows what is offered and
     * {@code authority} must accept each booking and move.
     */
    public static Scheduling create(BusinessProfile profile, Clock clock, Database database, SlotSource slots,
                                    SlotAuthority authority) {
        AppointmentStore store = new AppointmentStore(database.dsl(), profile.timezone());
        BookingWindow window = new BookingWindow(profile, clock);
        // The owner's own calendar (imported by the Google Calendar pull, when configured) blocks offers too.
        AvailabilityService availability = new AvailabilityService(profile, window,
                new CombinedCalendarView(store, new ImportedBusyTime(database.dsl(),
                        profile.rules().calendarEventBuffer())), slots);
        AuditLog audit = new AuditLog(database.dsl());
        CalendarOutbox outbox = new CalendarOutbox(database.dsl(), clock);
        BookingService bookings = new BookingService(profile, clock, database.dsl(), store, availability, window,
                audit, outbox, authority);
        return new Scheduling(profile, clock, database, store, window, availability, bookings, audit, outbox,
                new PhoneNumberNormalizer(profile.phoneRegion()));
    }
}

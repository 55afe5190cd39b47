-- Cal.com as the calendar: Cal.com decides slots synchronously, and its booking uid is how its webhooks and our
-- reschedules and cancellations name the booking. A reschedule in Cal.com issues a new uid, so the row is updated.
-- No foreign key to appointment: appointments are never deleted, and resetting the booking tables together
-- (test fixtures) need not know of this one.
CREATE TABLE calcom_booking (
    appointment_id UUID         NOT NULL PRIMARY KEY,
    uid            VARCHAR(200) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calcom_booking_uid_unique UNIQUE (uid)
);

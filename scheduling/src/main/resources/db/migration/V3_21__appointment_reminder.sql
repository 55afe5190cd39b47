-- Day-before reminders. A row claims one reminder of one appointment at one start time (a moved booking is
-- reminded of its new time): inserted before the text is sent, so two instances or a restart never send it twice.
CREATE TABLE appointment_reminder (
    appointment_id UUID         NOT NULL,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    phone          VARCHAR(32)  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT appointment_reminder_pk PRIMARY KEY (appointment_id, starts_at)
);

-- The dialog looks up the last reminder a number was sent, to know which booking a reply is about.
CREATE INDEX appointment_reminder_phone_idx ON appointment_reminder (phone, claimed_at);

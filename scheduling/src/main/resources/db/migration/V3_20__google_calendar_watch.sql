-- Google Calendar push notifications and the owner flags raised by a pull.

-- The watch channel Google posts change notifications to (one per calendar). The token is the secret every
-- instance checks a notification against; the row is locked by the instance that renews the channel.
CREATE TABLE calendar_watch (
    calendar_id VARCHAR(300)  NOT NULL PRIMARY KEY,
    channel_id  VARCHAR(64)   NOT NULL,
    resource_id VARCHAR(300)  NOT NULL,
    token       VARCHAR(128)  NOT NULL,
    address     VARCHAR(500)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the owner was told about a booking because of their calendar (an event overlapping it, a move that could
-- not be followed), one row per reason: the primary key is what makes the text go once, on every instance and
-- after any number of resyncs.
CREATE TABLE calendar_flag (
    appointment_id UUID          NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    subject        VARCHAR(1200) NOT NULL,
    flagged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_flag_pk PRIMARY KEY (appointment_id, kind, subject)
);

-- Scheduling schema. The database, not Java, is the last word on double-booking:
-- an exclusion constraint keeps booked time ranges (job + buffer) from overlapping,
-- and a per-day counter row caps bookings per local day.

CREATE TABLE customer (
    phone      VARCHAR(20)  NOT NULL PRIMARY KEY,   -- E.164
    name       VARCHAR(120) NOT NULL DEFAULT '',
    address    VARCHAR(300) NOT NULL DEFAULT '',
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE appointment (
    id                  UUID         NOT NULL PRIMARY KEY,
    service_id          VARCHAR(64)  NOT NULL,
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    -- ends_at plus the buffer between jobs at booking time: the range [starts_at, blocked_until) is what no other job may touch
    blocked_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    local_day           DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    customer_phone      VARCHAR(20)  NOT NULL REFERENCES customer (phone),
    address             VARCHAR(300) NOT NULL DEFAULT '',
    problem             VARCHAR(500) NOT NULL DEFAULT '',
    emergency           BOOLEAN      NOT NULL DEFAULT FALSE,
    channel             VARCHAR(16)  NOT NULL,
    idempotency_key     VARCHAR(200),
    request_fingerprint VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT appointment_status_known CHECK (status IN ('BOOKED', 'CANCELLED')),
    CONSTRAINT appointment_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT appointment_buffer_not_negative CHECK (blocked_until >= ends_at),
    CONSTRAINT appointment_idempotency_key_unique UNIQUE (idempotency_key)
);

CREATE INDEX appointment_customer_idx ON appointment (customer_phone, starts_at);
CREATE INDEX appointment_starts_idx ON appointment (starts_at);

/* [jooq ignore start] */
ALTER TABLE appointment
    ADD CONSTRAINT appointment_no_overlap
    EXCLUDE USING gist (tstzrange(starts_at, blocked_until, '[)') WITH &&)
    WHERE (status = 'BOOKED');
/* [jooq ignore stop] */

-- One row per local day with bookings; the CHECK-free counter is capped by the conditional upsert in Java,
-- which holds the row lock until commit so concurrent bookings of one day serialise here.
CREATE TABLE day_booking_count (
    local_day DATE    NOT NULL PRIMARY KEY,
    booked    INTEGER NOT NULL,
    CONSTRAINT day_booking_count_not_negative CHECK (booked >= 0)
);

-- Every change to an appointment, with the channel and a non-secret actor reference.
CREATE TABLE audit_log (
    id             BIGSERIAL    NOT NULL PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    appointment_id UUID         NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    actor          VARCHAR(120) NOT NULL,
    before_state   JSONB,
    after_state    JSONB
);

CREATE INDEX audit_log_appointment_idx ON audit_log (appointment_id, id);

-- Outbox for syncing bookings to an external calendar: written in the booking transaction,
-- drained by a relay, so a calendar outage never loses or blocks a booking.
CREATE TABLE calendar_outbox (
    id             BIGSERIAL   NOT NULL PRIMARY KEY,
    appointment_id UUID        NOT NULL,
    change         VARCHAR(16) NOT NULL,
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at   TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     VARCHAR(500)
);

CREATE INDEX calendar_outbox_pending_idx ON calendar_outbox (id) WHERE delivered_at IS NULL;

-- Owner PIN lockout, shared by every session, channel and instance: the attempt counter must not live in a
-- conversation (a new session would reset it). owner_key identifies the owner (their E.164 number); no PIN is stored.
CREATE TABLE owner_pin_failure (
    id         BIGSERIAL    NOT NULL,
    owner_key  VARCHAR(64)  NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT owner_pin_failure_pk PRIMARY KEY (id)
);

CREATE INDEX owner_pin_failure_owner_idx ON owner_pin_failure (owner_key, failed_at);

-- While locked_until is in the future all owner access is refused, even with the right PIN.
CREATE TABLE owner_lockout (
    owner_key    VARCHAR(64)  NOT NULL,
    locked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT owner_lockout_pk PRIMARY KEY (owner_key),
    CONSTRAINT owner_lockout_period CHECK (locked_until > locked_at)
);

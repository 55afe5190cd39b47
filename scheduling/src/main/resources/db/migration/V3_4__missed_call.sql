-- Calls turned away because every line was busy (SWITCHBOARD_MAX_CALLS reached): the owner's call-back list.
-- One row per refused call; the call SID is unique, so a Twilio retry of the same stream is not listed twice.
CREATE TABLE missed_call (
    call_sid     VARCHAR(64)  NOT NULL,
    caller_phone VARCHAR(20),              -- E.164; NULL when the number was withheld
    reason       VARCHAR(16)  NOT NULL,    -- 'busy'
    texted_back  BOOLEAN      NOT NULL DEFAULT FALSE,  -- the caller was sent "we'll call you back"
    missed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT missed_call_pk PRIMARY KEY (call_sid)
);

CREATE INDEX missed_call_missed_at_idx ON missed_call (missed_at);

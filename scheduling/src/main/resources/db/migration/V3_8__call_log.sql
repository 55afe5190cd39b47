-- The owner's call log: one row per voice call the receptionist answered, and one per turn of it. Personal data
-- (numbers, what callers said): rows are deleted once the call is older than SWITCHBOARD_CALL_LOG_RETENTION.
-- A call is written once, when it has ended, in one transaction with its turns; the call SID is unique, so a call
-- written twice is kept once.
CREATE TABLE call_log (
    call_sid       VARCHAR(64) NOT NULL,
    caller_phone   VARCHAR(32),              -- as the carrier gave it; NULL when withheld
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    appointment_id UUID,                     -- the appointment booked, moved or cancelled, if any
    summary        VARCHAR(500),             -- the one-line summary texted to the owner, if the call had one
    CONSTRAINT call_log_pk PRIMARY KEY (call_sid),
    CONSTRAINT call_log_outcome_ck CHECK (outcome IN
        ('booked', 'moved', 'cancelled', 'question', 'message_left', 'hand_off', 'abandoned')),
    CONSTRAINT call_log_order_ck CHECK (ended_at >= started_at)
);

-- Listing by day and the retention purge both go by start time.
CREATE INDEX call_log_started_at_idx ON call_log (started_at);

CREATE TABLE call_turn (
    call_sid         VARCHAR(64) NOT NULL,
    turn             INTEGER     NOT NULL,   -- 1 is the greeting
    via              VARCHAR(24) NOT NULL,   -- what started the turn: greeting, speech, keypad, reprompt...
    heard            TEXT,                   -- the caller's words or keys; NULL for turns nobody spoke in
    heard_confidence DOUBLE PRECISION,       -- 0..1 when the recogniser reports one
    said             TEXT        NOT NULL,   -- the receptionist's reply
    intent           VARCHAR(32),            -- the dialog's topic after the turn
    state            VARCHAR(32),            -- where the dialog stood after the turn
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    end_of_turn_ms   INTEGER,                -- caller's silence before the turn was judged over
    stt_ms           INTEGER,                -- NULL where the stage did not happen
    dialog_ms        INTEGER,
    tts_ms           INTEGER,
    total_ms         INTEGER,                -- end of the caller's turn to the first reply audio sent
    interrupted      BOOLEAN     NOT NULL,   -- the caller talked over the reply
    CONSTRAINT call_turn_pk PRIMARY KEY (call_sid, turn),
    CONSTRAINT call_turn_call_fk FOREIGN KEY (call_sid) REFERENCES call_log (call_sid) ON DELETE CASCADE,
    CONSTRAINT call_turn_number_ck CHECK (turn >= 1),
    CONSTRAINT call_turn_confidence_ck CHECK (heard_confidence IS NULL OR (heard_confidence >= 0 AND heard_confidence <= 1))
);

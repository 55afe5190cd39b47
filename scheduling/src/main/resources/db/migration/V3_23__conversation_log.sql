-- The call log becomes the log of conversations on every channel: voice calls as before, and text conversations
-- (web chat, SMS, WhatsApp, trusted integrations) one row per session and day, their messages as turns. The owner's
-- metrics (conversion, time to booking, errors, per channel) are computed from these rows, not from counters that a
-- restart resets.
ALTER TABLE call_log ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'voice';
ALTER TABLE call_log ADD CONSTRAINT call_log_channel_ck CHECK (channel IN ('voice', 'sms', 'whatsapp', 'web'));
CREATE INDEX call_log_channel_started_at_idx ON call_log (channel, started_at);

-- Turns of a conversation that failed (the engine threw, a dependency was down), by kind, for the error metric.
CREATE TABLE conversation_error (
    id         BIGSERIAL    NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    kind       VARCHAR(24)  NOT NULL,   -- dialog, llm, stt, tts, database...
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_error_pk PRIMARY KEY (id)
);

CREATE INDEX conversation_error_at_idx ON conversation_error (at);

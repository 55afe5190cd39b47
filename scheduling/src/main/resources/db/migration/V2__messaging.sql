-- Text channels (SMS, WhatsApp): webhook idempotency and opt-outs, kept in the database so both survive a restart.

-- One row per inbound provider message ever handled. The primary key is the deduplication: the first delivery
-- inserts the row (and holds it, uncommitted, while the dialog engine answers), a retry or a concurrent duplicate
-- conflicts on it and reads the stored reply instead of running the conversation again.
CREATE TABLE processed_message (
    provider   VARCHAR(16)   NOT NULL,   -- 'twilio' or 'whatsapp'
    message_id VARCHAR(128)  NOT NULL,   -- Twilio MessageSid, WhatsApp wamid
    reply      VARCHAR(4096),            -- what was answered; NULL when nothing was (opt-out, ignored message)
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT processed_message_pk PRIMARY KEY (provider, message_id)
);

-- Old rows are pruned by age; providers only retry within minutes.
CREATE INDEX processed_message_created_idx ON processed_message (created_at);

-- Numbers that texted STOP (or a synonym) on a channel: they get no replies and no outbound messages there until
-- they opt back in with START, which deletes the row.
CREATE TABLE messaging_opt_out (
    phone        VARCHAR(20) NOT NULL,   -- E.164
    channel      VARCHAR(16) NOT NULL,   -- 'SMS' or 'WHATSAPP'
    opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT messaging_opt_out_pk PRIMARY KEY (phone, channel)
);

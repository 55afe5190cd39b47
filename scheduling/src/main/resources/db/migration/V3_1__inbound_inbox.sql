-- Inbound text messages (SMS, WhatsApp), stored before the provider is acknowledged, so a crash between the
-- acknowledgement and the answer loses nothing: what is still 'received' here is finished by the next sweep, on
-- start-up and periodically. The primary key is the webhook deduplication; processed_message (V2) keeps the
-- exactly-once conversation and its reply.
CREATE TABLE inbound_message (
    provider    VARCHAR(16)   NOT NULL,   -- 'twilio' or 'whatsapp'
    message_id  VARCHAR(128)  NOT NULL,   -- Twilio MessageSid, WhatsApp wamid
    channel     VARCHAR(16)   NOT NULL,   -- 'sms' or 'whatsapp'
    sender      VARCHAR(20)   NOT NULL,   -- E.164
    body        VARCHAR(1600),            -- the text; cleared once answered (no PII kept longer than needed)
    media_count INTEGER       NOT NULL DEFAULT 0,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16)   NOT NULL DEFAULT 'received',
    attempts    INTEGER       NOT NULL DEFAULT 0,   -- recovery attempts after the webhook's own
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT inbound_message_pk PRIMARY KEY (provider, message_id),
    -- received: stored, not answered yet; answered: the reply was claimed for delivery (or there was none);
    -- failed: given up on (the caller was told to try again, or recovery kept failing).
    CONSTRAINT inbound_message_status_ck CHECK (status IN ('received', 'answered', 'failed'))
);

CREATE INDEX inbound_message_pending_idx ON inbound_message (status, updated_at);

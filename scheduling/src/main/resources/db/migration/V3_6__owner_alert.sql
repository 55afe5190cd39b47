-- The owner's emergency alerts, queued durably before the caller is told "we've alerted the team". A dispatcher
-- (any instance; the rows are claimed with FOR UPDATE SKIP LOCKED) texts them to the owner: the first at once, the
-- ones that arrive soon after it aggregated into one text. A rate-limited alert is deferred into the next text, a
-- failed one is retried with back-off; nothing leaves 'pending' except by being sent or, after a day, expiring
-- loudly (logged and counted).
CREATE TABLE owner_alert (
    id               BIGSERIAL     NOT NULL,
    conversation_key VARCHAR(200),             -- 'sms:+4477...' / 'voice:CA...'; one alert per conversation
    channel          VARCHAR(16)   NOT NULL,   -- where the caller is: 'sms', 'whatsapp', 'voice', 'web'
    caller_phone     VARCHAR(20),              -- E.164 as the channel gave it; NULL when withheld
    caller_name      VARCHAR(100),             -- already cleaned and cut (caller-supplied)
    address          VARCHAR(200),             -- already cleaned and cut (caller-supplied)
    problem          VARCHAR(200),             -- already cleaned and cut (caller-supplied)
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(16)   NOT NULL DEFAULT 'pending',
    attempts         INTEGER       NOT NULL DEFAULT 0,   -- provider failures so far
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    provider_id      VARCHAR(64),              -- the provider's id of the text that carried it
    last_error       VARCHAR(200),             -- short, PII-free
    CONSTRAINT owner_alert_pk PRIMARY KEY (id),
    -- pending: waiting for the next text (new, deferred or failed); sent: in a text the provider accepted;
    -- expired: still undelivered a day later, given up on with an error log and metric.
    CONSTRAINT owner_alert_status_ck CHECK (status IN ('pending', 'sent', 'expired'))
);

CREATE INDEX owner_alert_due_idx ON owner_alert (status, next_attempt_at);
CREATE INDEX owner_alert_conversation_idx ON owner_alert (conversation_key, created_at);
CREATE INDEX owner_alert_sent_idx ON owner_alert (sent_at);

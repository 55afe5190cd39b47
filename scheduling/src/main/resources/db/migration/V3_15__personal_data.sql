-- Personal data: retention and erasure.

-- When the booking's personal details were removed (it then points at the placeholder customer '+0', written
-- by the redaction itself, which no caller can ever be); NULL while they are kept.
ALTER TABLE appointment ADD COLUMN redacted_at TIMESTAMP WITH TIME ZONE;

-- Every export, erasure and retention expiry of one person's data: who asked, when, what was affected. The person
-- is named only by the last digits of their number, so the record of an erasure does not undo it.
CREATE TABLE privacy_log (
    id         BIGSERIAL    NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    action     VARCHAR(16)  NOT NULL,
    subject    VARCHAR(32)  NOT NULL,   -- masked number, e.g. ***123
    actor      VARCHAR(120) NOT NULL,   -- 'admin-api' or 'retention'
    detail     JSONB        NOT NULL,   -- counts of what was exported or removed, never the data itself
    CONSTRAINT privacy_log_pk PRIMARY KEY (id),
    CONSTRAINT privacy_log_action_ck CHECK (action IN ('export', 'erase', 'expire'))
);

CREATE INDEX privacy_log_at_idx ON privacy_log (at);

-- One-time codes texted to a phone number to prove it (a web visitor's number, a number a caller names, the owner
-- lifting a PIN lockout). Shared by every instance, so limits and tries hold across them. The rows double as the
-- send log the limits count: codes per number and per client in the last hour, codes in the last 24 hours.
-- Only a salted SHA-256 of each code is stored; the client and conversation are stored as hashes too.
CREATE TABLE one_time_code (
    id               BIGSERIAL    NOT NULL,
    phone            VARCHAR(20)  NOT NULL,   -- E.164
    purpose          VARCHAR(24)  NOT NULL,
    conversation_key CHAR(64)     NOT NULL,   -- SHA-256 hex of the conversation that asked: only it may redeem
    client_key       CHAR(64)     NOT NULL,   -- SHA-256 hex of who asked (client address, sender)
    code_salt        CHAR(32)     NOT NULL,
    code_hash        CHAR(64)     NOT NULL,
    state            VARCHAR(12)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT one_time_code_pk PRIMARY KEY (id),
    CONSTRAINT one_time_code_state_known CHECK (state IN ('LIVE', 'USED', 'SUPERSEDED', 'EXHAUSTED')),
    CONSTRAINT one_time_code_purpose_known CHECK (purpose IN ('CHANGE_BOOKING', 'CALLBACK_NUMBER', 'OWNER_UNLOCK')),
    CONSTRAINT one_time_code_attempts_bounded CHECK (attempts >= 0 AND attempts <= 5),
    CONSTRAINT one_time_code_expires_after_creation CHECK (expires_at > created_at),
    CONSTRAINT one_time_code_used_when_used CHECK ((state = 'USED') = (used_at IS NOT NULL))
);

-- At most one code waits to be typed per number, purpose and conversation: a new one supersedes the old.
CREATE UNIQUE INDEX one_time_code_one_live ON one_time_code (phone, purpose, conversation_key) WHERE (state = 'LIVE');
CREATE INDEX one_time_code_phone_idx ON one_time_code (phone, created_at);
CREATE INDEX one_time_code_client_idx ON one_time_code (client_key, created_at);
CREATE INDEX one_time_code_created_idx ON one_time_code (created_at);

-- The server key the per-call media tokens are signed with (see CallTokens in telephony-adapters): one row, made
-- once by whichever instance starts first, so every instance on this database accepts the tokens of the others.
CREATE TABLE voice_token_key (
    id         SMALLINT     NOT NULL,
    secret     BYTEA        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT voice_token_key_pk PRIMARY KEY (id),
    CONSTRAINT voice_token_key_single_row CHECK (id = 1),
    CONSTRAINT voice_token_key_length CHECK (octet_length(secret) >= 32)
);

-- Tokens already used to open a media stream: the primary key makes "single use" hold across instances (the stream
-- may reach another instance than the one that answered the webhook). Rows are removed once the token has expired.
CREATE TABLE voice_token_used (
    call_sid   VARCHAR(64)  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT voice_token_used_pk PRIMARY KEY (call_sid)
);

CREATE INDEX voice_token_used_expires_at_idx ON voice_token_used (expires_at);

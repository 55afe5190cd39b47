-- The owner dashboard's sign-in sessions, shared by every instance on this database. The browser holds a random
-- session id in an HttpOnly, SameSite=Strict cookie; only its SHA-256 is stored, so a copy of this table opens
-- nothing. Each session has its own CSRF token, which every change must echo in a header.
CREATE TABLE admin_session (
    id_hash     CHAR(64)     NOT NULL,
    csrf_token  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admin_session_pk PRIMARY KEY (id_hash),
    CONSTRAINT admin_session_order_ck CHECK (expires_at > created_at)
);

CREATE INDEX admin_session_expires_at_idx ON admin_session (expires_at);

-- One-minute, single-use tickets a signed-in dashboard session takes to open the browser softphone's media
-- WebSocket (which may be another port or instance, where the cookie is not checked). Only the hash is stored.
CREATE TABLE softphone_ticket (
    ticket_hash CHAR(64)     NOT NULL,
    session_id_hash CHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT softphone_ticket_pk PRIMARY KEY (ticket_hash),
    CONSTRAINT softphone_ticket_session_fk FOREIGN KEY (session_id_hash) REFERENCES admin_session (id_hash)
        ON DELETE CASCADE
);

-- The owner ticks a missed call off once they have called back.
ALTER TABLE missed_call ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;

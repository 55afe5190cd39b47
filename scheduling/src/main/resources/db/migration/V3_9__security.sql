-- Values every instance on this database must agree on, e.g. the admin token generated on the first start when
-- SWITCHBOARD_ADMIN_TOKEN is not set. The first instance inserts (ON CONFLICT DO NOTHING); every other one reads.
CREATE TABLE switchboard_setting (
    name       VARCHAR(64)   NOT NULL,
    value      VARCHAR(1024) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT switchboard_setting_pk PRIMARY KEY (name)
);

-- Inbound rate limits (token buckets) shared by every instance, so a script cannot multiply its allowance by
-- spreading its messages over instances. A row that has refilled completely is the same as no row and is pruned.
CREATE TABLE rate_limit_bucket (
    bucket_key VARCHAR(200)     NOT NULL,   -- "<limit>/<surface>:<sender or address>"
    tokens     DOUBLE PRECISION NOT NULL,
    updated_ms BIGINT           NOT NULL,   -- clock millis the tokens were counted at
    refusing   BOOLEAN          NOT NULL,   -- refused since last full: the next refusal gets no "slow down" reply
    CONSTRAINT rate_limit_bucket_pk PRIMARY KEY (bucket_key)
);

CREATE INDEX rate_limit_bucket_updated_idx ON rate_limit_bucket (updated_ms);

-- Google Calendar sync.

-- A change that failed calendar_outbox's attempt limit is parked until retry_after, so one change the calendar
-- keeps refusing does not hold up every other appointment's; it is retried when that time comes.
ALTER TABLE calendar_outbox ADD COLUMN retry_after TIMESTAMP WITH TIME ZONE;

-- Where the last incremental pull of a calendar stopped (Google's nextSyncToken). A row per calendar, locked
-- while one instance pulls so that two instances never apply the same changes at once.
CREATE TABLE calendar_sync_state (
    calendar_id    VARCHAR(300)  NOT NULL PRIMARY KEY,
    sync_token     VARCHAR(2000),
    full_synced_at TIMESTAMP WITH TIME ZONE,
    synced_at      TIMESTAMP WITH TIME ZONE
);

-- Time the owner is busy according to their own calendar (events that are not ours, not transparent):
-- availability never offers across it. All-day events are stored as the business's local day.
CREATE TABLE calendar_busy (
    calendar_id VARCHAR(300)  NOT NULL,
    event_id    VARCHAR(1100) NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    all_day     BOOLEAN       NOT NULL,
    CONSTRAINT calendar_busy_pk PRIMARY KEY (calendar_id, event_id, starts_at),
    CONSTRAINT calendar_busy_ends_after_start CHECK (ends_at > starts_at)
);

CREATE INDEX calendar_busy_range_idx ON calendar_busy (starts_at, ends_at);

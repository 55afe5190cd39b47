-- What the owner changed from the dashboard on top of the profile file: opening hours per weekday, the blackout
-- days and FAQ answers (by topic; the keywords stay the file's). The effective profile is the file plus these rows,
-- checked by the same rules as the file. Every instance on this database sees a change once it notices the version
-- below move, which each change bumps in its own transaction.
CREATE TABLE owner_hours (
    weekday     SMALLINT     NOT NULL,
    -- Comma-separated intervals such as "08:00-12:00,13:00-18:00"; empty means closed that day.
    intervals   VARCHAR(200) NOT NULL,
    CONSTRAINT owner_hours_pk PRIMARY KEY (weekday),
    CONSTRAINT owner_hours_weekday_ck CHECK (weekday BETWEEN 1 AND 7)
);

-- Used instead of the file's blackout_dates once owner_settings.blackouts_set is true (so the owner can also
-- remove a day the file listed).
CREATE TABLE owner_blackout (
    day DATE NOT NULL,
    CONSTRAINT owner_blackout_pk PRIMARY KEY (day)
);

CREATE TABLE owner_faq_answer (
    topic  VARCHAR(120)  NOT NULL,
    answer VARCHAR(2000) NOT NULL,
    CONSTRAINT owner_faq_answer_pk PRIMARY KEY (topic),
    CONSTRAINT owner_faq_answer_ck CHECK (answer <> '')
);

-- At most one row, written by the first change and bumped by each one after; read cheaply by every instance to
-- know when to reload the three tables above. No row means no change yet (an empty database restores a backup).
CREATE TABLE owner_settings (
    id            SMALLINT NOT NULL,
    version       BIGINT   NOT NULL,
    blackouts_set BOOLEAN  NOT NULL,
    CONSTRAINT owner_settings_pk PRIMARY KEY (id),
    CONSTRAINT owner_settings_one_row_ck CHECK (id = 1)
);

-- A settings change is audited too, and belongs to no appointment.
ALTER TABLE audit_log ALTER COLUMN appointment_id DROP NOT NULL;

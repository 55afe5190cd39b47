-- Which business this database's bookings belong to. One row, written on the first start with a profile; a later
-- start with a profile of another business id is refused (unless told to rebind), so switching profiles never merges
-- two businesses' calendars.
CREATE TABLE business_identity (
    singleton   BOOLEAN      NOT NULL DEFAULT TRUE,
    business_id VARCHAR(64)  NOT NULL,   -- the profile's id (slug), e.g. bristol-plumbing
    name        VARCHAR(200) NOT NULL,   -- the business name as of the last start, for messages
    bound_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT business_identity_pk PRIMARY KEY (singleton),
    CONSTRAINT business_identity_one_row CHECK (singleton)
);

-- An email address the caller gave, kept on the customer (its own detail, never part of the job's address).
ALTER TABLE customer ADD COLUMN email VARCHAR(254) NOT NULL DEFAULT '';

-- Read models live apart from the write model so the read side can move to a replica.
CREATE SCHEMA IF NOT EXISTS ordering_read;

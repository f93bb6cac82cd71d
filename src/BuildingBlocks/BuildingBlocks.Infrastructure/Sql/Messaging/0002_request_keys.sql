-- First answer per (caller, Idempotency-Key) of a command, written in the command's own transaction so a retried request
-- gets that answer and never a second effect. A refused command stores nothing, so its key can be retried.
-- (Ordering's order placement keeps its own table: its batcher writes many orders in one transaction.)
CREATE TABLE {schema}.request_keys (
    caller_id    uuid        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    response     text,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (caller_id, key)
);

-- Transactional outbox: rows written in the same transaction as the change that emits them,
-- delivered to RabbitMQ by the dispatcher after commit and then deleted.
CREATE TABLE {schema}.outbox_messages (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       uuid        NOT NULL,
    message_type     text        NOT NULL,
    body             text        NOT NULL,
    destination      text,
    correlation_id   uuid,
    conversation_id  uuid,
    initiator_id     uuid,
    headers          text,
    created_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    dead_lettered_at timestamptz
);

-- The dispatcher's batch query: pending rows in commit order (SKIP LOCKED lets several instances share the work).
CREATE INDEX outbox_messages_pending ON {schema}.outbox_messages (id) WHERE dead_lettered_at IS NULL;

-- Wakes every instance's dispatcher at commit (cross-instance path; in-process commits wake it directly).
CREATE FUNCTION {schema}.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('modular_outbox', '{schema}');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_messages_notify AFTER INSERT ON {schema}.outbox_messages
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.notify_outbox();

-- Consumer inbox: one row per (message, consumer) applied; the primary key makes a duplicate wait, then skip.
CREATE TABLE {schema}.inbox_messages (
    message_id  uuid        NOT NULL,
    consumer    text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);

-- Housekeeping deletes rows older than the redelivery window.
CREATE INDEX inbox_messages_received_at ON {schema}.inbox_messages (received_at);

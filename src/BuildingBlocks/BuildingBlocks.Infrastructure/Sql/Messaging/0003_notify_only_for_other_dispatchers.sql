-- A NOTIFY is only needed when the writer does not deliver its own outbox (an API-only instance, or a script): an
-- instance that dispatches wakes its own dispatcher in-process at commit. Skipping it there saves a serialized
-- NOTIFY at every commit and a wake-up of every listener. Such instances set modular.outbox_dispatched_locally=on
-- on their connections.
CREATE OR REPLACE FUNCTION {schema}.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('modular.outbox_dispatched_locally', true), 'off') <> 'on' THEN
        PERFORM pg_notify('modular_outbox', '{schema}');
    END IF;
    RETURN NULL;
END $$;

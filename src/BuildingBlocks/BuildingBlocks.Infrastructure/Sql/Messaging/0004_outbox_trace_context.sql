-- The W3C trace context (traceparent, then tracestate after a space, if any) of the transaction that wrote the row:
-- delivery restores it as the parent of the publish, so the receivers' spans join the writer's trace.
-- Null when that work was not traced (not sampled).
ALTER TABLE {schema}.outbox_messages ADD COLUMN trace_context text;

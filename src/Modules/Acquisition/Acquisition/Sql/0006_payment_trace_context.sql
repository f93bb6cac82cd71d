-- The W3C trace context of the request that created the transaction: the authorizer records the answer from its own
-- loop and publishes it in that trace (Infrastructure/PaymentTraces). Null when the request was not traced.
ALTER TABLE acquisition.payment_transactions ADD COLUMN trace_context text;

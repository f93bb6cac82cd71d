-- The checkout saga (one row per order until it is shipped); its payment deadline is watched by the timeout worker.
CREATE TABLE ordering.checkout_states (
    correlation_id       uuid        PRIMARY KEY,
    current_state        text        NOT NULL,
    merchant_id          uuid        NOT NULL,
    amount               bigint      NOT NULL,
    payment_deadline     timestamptz NOT NULL,
    timeout_published_at timestamptz
);

-- The timeout worker's query: due deadlines of checkouts still waiting for the payment answer.
CREATE INDEX checkout_states_due ON ordering.checkout_states (payment_deadline)
    WHERE current_state = 'AwaitingPayment' AND timeout_published_at IS NULL;

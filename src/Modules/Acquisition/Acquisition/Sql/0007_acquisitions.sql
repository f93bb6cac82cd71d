-- The acquiring loop (Features/Acquire): approved payments become acquisitions, the records a PG submits to the card
-- companies; a cancellation of an acquired payment becomes a second acquisition of kind Cancellation.
CREATE TABLE acquisition.acquisitions (
    id                uuid        PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('Payment', 'Cancellation')),
    payment_id        uuid        NOT NULL,
    merchant_id       uuid        NOT NULL,
    organization_id   uuid        NOT NULL,
    reference         uuid        NOT NULL,
    approval_number   text        NOT NULL,
    pay_method        text        NOT NULL,
    pay_method_detail text,
    amount            bigint      NOT NULL CHECK (amount > 0),
    fee               bigint      NOT NULL CHECK (fee >= 0),
    vat               bigint      NOT NULL CHECK (vat >= 0),
    approved_at       timestamptz NOT NULL,
    canceled_at       timestamptz,
    acquired_at       timestamptz NOT NULL,
    -- The UTC day of acquired_at, written with it: GetAcquisitionsOfDay pages a day by id on one index.
    acquired_on       date        NOT NULL
);

-- Each payment is acquired once, and its cancellation once: the loop inserts ON CONFLICT DO NOTHING and publishes only
-- the rows it inserted.
CREATE UNIQUE INDEX acquisitions_once ON acquisition.acquisitions (payment_id, kind);
CREATE INDEX acquisitions_by_day ON acquisition.acquisitions (acquired_on, id);

-- The loop's queues: approved payments in approval order, canceled ones in cancel order (small partial indexes, keyset
-- from the loop's cursor).
CREATE INDEX payment_transactions_approved ON acquisition.payment_transactions (approved_at, id) WHERE status = 'Approved';
CREATE INDEX payment_transactions_canceled ON acquisition.payment_transactions (canceled_at, id) WHERE status = 'Canceled';

-- Where each queue's last run got to (kind = Payment | Cancellation). Each run starts a lookback before it, because a
-- payment approved earlier may commit after a later one was read.
CREATE TABLE acquisition.acquiring_cursors (
    kind        text        PRIMARY KEY,
    position_at timestamptz NOT NULL,
    position_id uuid        NOT NULL
);

-- Items the loop could not acquire, one row per (transaction, kind), with every reason found.
CREATE TABLE acquisition.acquiring_errors (
    id             uuid        PRIMARY KEY,
    transaction_id uuid        NOT NULL,
    kind           text        NOT NULL,
    merchant_id    uuid,
    code           text        NOT NULL,
    codes          text[]      NOT NULL,
    message        text        NOT NULL,
    reasons        jsonb       NOT NULL,
    payload        jsonb       NOT NULL,
    retry_count    integer     NOT NULL DEFAULT 0,
    status         text        NOT NULL CHECK (status IN ('Open', 'Resolved', 'Abandoned')),
    first_seen_at  timestamptz NOT NULL,
    last_seen_at   timestamptz NOT NULL,
    next_retry_at  timestamptz,
    -- Set when the Abandoned alert was sent, or suppressed because the same one went out within the alert window.
    alerted_at     timestamptz,
    note           text,
    closed_at      timestamptz,
    version        integer     NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX acquiring_errors_once ON acquisition.acquiring_errors (transaction_id, kind);
CREATE INDEX acquiring_errors_due ON acquisition.acquiring_errors (next_retry_at) WHERE status = 'Open';
CREATE INDEX acquiring_errors_unalerted ON acquisition.acquiring_errors (merchant_id, code) WHERE status = 'Abandoned' AND alerted_at IS NULL;
-- The operators' list: newest first by the time-ordered id, filtered by status.
CREATE INDEX acquiring_errors_by_status ON acquisition.acquiring_errors (status, id DESC);

-- The last alert of each (merchant, code): the same error does not alert again within the alert window.
CREATE TABLE acquisition.acquiring_alerts (
    alert_key text        PRIMARY KEY,
    sent_at   timestamptz NOT NULL
);

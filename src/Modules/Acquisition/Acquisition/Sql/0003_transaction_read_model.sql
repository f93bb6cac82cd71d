-- Read side of payment transactions, written only by the PaymentTransactionRecorded projection (highest version wins).
CREATE TABLE acquisition_read.payment_transactions (
    id              uuid        PRIMARY KEY,
    merchant_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    reference       uuid        NOT NULL,
    amount          bigint      NOT NULL,
    card_bin        text,
    card_last4      text,
    status          text        NOT NULL,
    approval_number text,
    decline_code    text,
    requested_at    timestamptz NOT NULL,
    approved_at     timestamptz,
    declined_at     timestamptz,
    canceled_at     timestamptz,
    version         integer     NOT NULL
);

-- The transaction list is ordered by (requested_at, id) descending and paged by keyset on that pair.
-- Operators across merchants, by date range:
CREATE INDEX payment_transactions_by_requested_at ON acquisition_read.payment_transactions (requested_at DESC, id DESC);
-- A merchant admin's list (its organization):
CREATE INDEX payment_transactions_by_organization ON acquisition_read.payment_transactions (organization_id, requested_at DESC, id DESC);
-- The merchant filter:
CREATE INDEX payment_transactions_by_merchant ON acquisition_read.payment_transactions (merchant_id, requested_at DESC, id DESC);

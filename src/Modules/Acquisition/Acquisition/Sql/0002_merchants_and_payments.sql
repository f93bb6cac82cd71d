CREATE TABLE acquisition.merchants (
    id                           uuid         PRIMARY KEY,
    organization_id              uuid         NOT NULL,
    name                         text         NOT NULL,
    business_registration_number text,
    fee_rate                     numeric(6,5) NOT NULL CHECK (fee_rate > 0 AND fee_rate < 0.2),
    vat_rule                     text         NOT NULL,
    settlement_cycle             text         NOT NULL,
    status                       text         NOT NULL,
    created_at                   timestamptz  NOT NULL,
    updated_at                   timestamptz  NOT NULL
);

-- Duplicates are refused with 409: a registration number belongs to one merchant, a name is unique in its organization.
CREATE UNIQUE INDEX merchants_registration_number ON acquisition.merchants (business_registration_number)
    WHERE business_registration_number IS NOT NULL;
CREATE UNIQUE INDEX merchants_name_in_organization ON acquisition.merchants (organization_id, name);
-- A merchant admin's list: its organization's merchants, keyset on the time-ordered id.
CREATE INDEX merchants_by_organization ON acquisition.merchants (organization_id, id DESC);

CREATE TABLE acquisition.payment_transactions (
    id              uuid        PRIMARY KEY,
    merchant_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    reference       uuid        NOT NULL,
    amount          bigint      NOT NULL CHECK (amount > 0),
    card_token      text        NOT NULL,
    card_bin        char(6),
    card_last4      char(4),
    status          text        NOT NULL,
    approval_number text,
    decline_code    text,
    decline_reason  text,
    requested_at    timestamptz NOT NULL,
    approved_at     timestamptz,
    declined_at     timestamptz,
    canceled_at     timestamptz,
    leased_until    timestamptz,
    version         integer     NOT NULL
);

-- Idempotency: one transaction per (merchant, reference); a concurrent duplicate request fails here and is retried,
-- then finds the first one.
CREATE UNIQUE INDEX payment_transactions_by_reference ON acquisition.payment_transactions (merchant_id, reference);
-- The authorizer's queue: pending requests by age (small, partial).
CREATE INDEX payment_transactions_pending ON acquisition.payment_transactions (requested_at) WHERE status = 'Pending';

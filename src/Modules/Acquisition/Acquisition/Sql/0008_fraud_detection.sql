-- Fraud detection (FDS) runs after the acquisitions commit, from their AcquisitionsRecorded events, in transactions of
-- its own: nothing here is ever read or locked by the acquiring loop.

-- What a rule found. One detection per (acquisition, rule), so a redelivered chunk cannot detect twice.
CREATE TABLE acquisition.fraud_detections (
    id              uuid        PRIMARY KEY,
    acquisition_id  uuid        NOT NULL,
    payment_id      uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    rule            text        NOT NULL,
    reason          text        NOT NULL,
    amount          bigint      NOT NULL,
    approved_at     timestamptz NOT NULL,
    detected_at     timestamptz NOT NULL,
    status          text        NOT NULL,
    reviewed_at     timestamptz,
    reviewed_by     uuid,
    review_note     text,
    version         integer     NOT NULL
);
CREATE UNIQUE INDEX fraud_detections_by_acquisition_and_rule ON acquisition.fraud_detections (acquisition_id, rule);

-- Card velocity's memory: one row per approval screened, keyed by a hash of the card token (never the token itself).
-- Counting one card's approvals in a window reads fraud_card_approvals_by_card; old rows are pruned by approved_at.
CREATE TABLE acquisition.fraud_card_approvals (
    acquisition_id uuid        PRIMARY KEY,
    card_key       text        NOT NULL,
    approved_at    timestamptz NOT NULL
);
CREATE INDEX fraud_card_approvals_by_card ON acquisition.fraud_card_approvals (card_key, approved_at);
CREATE INDEX fraud_card_approvals_by_time ON acquisition.fraud_card_approvals (approved_at);

-- The merchant deviation rule's running statistics of approved amounts (Welford: count, mean, sum of squared
-- differences), so a payment is compared with its merchant's mean without scanning its history.
CREATE TABLE acquisition.fraud_merchant_amounts (
    merchant_id uuid             PRIMARY KEY,
    count       bigint           NOT NULL,
    mean        double precision NOT NULL,
    m2          double precision NOT NULL
);

-- A rule that threw: recorded and skipped, the other rules' findings stand.
CREATE TABLE acquisition.fraud_rule_failures (
    id           uuid        PRIMARY KEY,
    rule         text        NOT NULL,
    message_id   uuid,
    payments     integer     NOT NULL,
    error        text        NOT NULL,
    occurred_at  timestamptz NOT NULL
);

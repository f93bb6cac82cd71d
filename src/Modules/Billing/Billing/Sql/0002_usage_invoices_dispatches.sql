-- Usage batches as imported: per API key and batch date, one row per product. A batch is the key's cumulative usage of
-- its month so far, so an invoice takes each key's latest batch of the month, never a sum of batches.
CREATE TABLE billing.usage_records (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    api_key         text        NOT NULL,
    batch_date      date        NOT NULL,
    product         text        NOT NULL,
    quantity        bigint      NOT NULL CHECK (quantity >= 0),
    unit            text        NOT NULL,
    imported_at     timestamptz NOT NULL,
    CONSTRAINT usage_records_one_per_key_batch_product UNIQUE (api_key, batch_date, product)
);

-- "The latest batch per key in a month": an index-only descent per key (see docs/modules/billing.md for its plan).
CREATE INDEX usage_records_latest_batch ON billing.usage_records (api_key, batch_date DESC);

-- The keys an organization used in a month, and the organizations with usage in a month (generation).
CREATE INDEX usage_records_by_organization_month ON billing.usage_records (organization_id, batch_date) INCLUDE (api_key);
CREATE INDEX usage_records_by_month ON billing.usage_records (batch_date) INCLUDE (organization_id);

-- Price per product: unit price in won (up to 4 decimals) and the monthly minimum fee an invoice using it owes.
CREATE TABLE billing.price_plans (
    product     text          PRIMARY KEY,
    unit_price  numeric(18,4) NOT NULL CHECK (unit_price >= 0),
    minimum_fee bigint        NOT NULL CHECK (minimum_fee >= 0),
    updated_at  timestamptz   NOT NULL
);

-- Invoices and credit notes. One invoice per organization and month; credit notes correct an issued invoice.
CREATE TABLE billing.invoices (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL,
    organization_id uuid        NOT NULL,
    customer_name   text        NOT NULL,
    month           date        NOT NULL,
    status          text        NOT NULL,
    subtotal        bigint      NOT NULL,
    vat             bigint      NOT NULL,
    total           bigint      NOT NULL,
    -- The lines, written and read with their invoice only: one row per invoice keeps a chunk's load one query.
    lines           jsonb       NOT NULL,
    corrects_id     uuid        REFERENCES billing.invoices (id),
    reason          text,
    send_failure    text,
    version         integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    issued_at       timestamptz,
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX invoices_one_per_organization_month ON billing.invoices (organization_id, month) WHERE kind = 'Invoice';
CREATE INDEX invoices_by_month_status ON billing.invoices (month, status, id);

-- A bulk dispatch and its invoices. Items move Pending -> Sending -> Sent | Failed, or Pending -> Cancelled; "Sending" is
-- committed before the SMTP call and "Sent" after it, so a crash leaves at most the in-flight items in between.
CREATE TABLE billing.dispatches (
    id           uuid        PRIMARY KEY,
    status       text        NOT NULL,
    requested_by uuid        NOT NULL,
    total        integer     NOT NULL,
    -- IAM contact lookups made for this dispatch: one batched request per chunk.
    contact_lookups integer  NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    finished_at  timestamptz
);

CREATE INDEX dispatches_running ON billing.dispatches (created_at) WHERE status = 'Running';

CREATE TABLE billing.dispatch_items (
    dispatch_id uuid        NOT NULL REFERENCES billing.dispatches (id),
    invoice_id  uuid        NOT NULL REFERENCES billing.invoices (id),
    position    integer     NOT NULL,
    status      text        NOT NULL,
    recipient   text,
    reason      text,
    attempts    integer     NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (dispatch_id, invoice_id)
);

-- The worker's next chunk (pending items in order) and the progress counts.
CREATE INDEX dispatch_items_pending ON billing.dispatch_items (dispatch_id, position) WHERE status = 'Pending';
CREATE INDEX dispatch_items_by_status ON billing.dispatch_items (dispatch_id, status);

-- The guarantee behind "never mailed twice": an invoice is being sent, or was sent, by at most one item of any dispatch.
CREATE UNIQUE INDEX dispatch_items_one_send_per_invoice ON billing.dispatch_items (invoice_id) WHERE status IN ('Sending', 'Sent');

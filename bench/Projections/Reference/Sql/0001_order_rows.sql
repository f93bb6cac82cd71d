-- The read model as it was before Marten: hand-written tables fed by set-based upserts (the reference design).
CREATE TABLE benchref.orders (
    id              uuid        PRIMARY KEY,
    customer_id     uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    status          text        NOT NULL,
    total           bigint      NOT NULL,
    product_ids     uuid[]      NOT NULL,
    lines           jsonb       NOT NULL,
    placed_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX orders_by_customer ON benchref.orders (customer_id, id DESC);
CREATE INDEX orders_by_organization ON benchref.orders (organization_id, id DESC);
CREATE INDEX orders_by_placed_at ON benchref.orders (placed_at DESC, id DESC);
CREATE INDEX orders_by_product ON benchref.orders USING gin (product_ids);

CREATE TABLE benchref.order_timeline (
    order_id uuid        NOT NULL,
    status   text        NOT NULL,
    at       timestamptz NOT NULL,
    reason   text,
    PRIMARY KEY (order_id, status)
);

-- Read side, written only by the projection consumers of order events; served by its own connection string.
CREATE TABLE ordering_read.orders (
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

-- "My orders": a customer's orders, newest first, keyset on the time-ordered id.
CREATE INDEX orders_by_customer ON ordering_read.orders (customer_id, id DESC);
-- Admin search within an organization (status and date range filter on top), newest first.
CREATE INDEX orders_by_organization ON ordering_read.orders (organization_id, id DESC);
-- Admin search across organizations by date range.
CREATE INDEX orders_by_placed_at ON ordering_read.orders (placed_at DESC, id DESC);
-- Admin search by product.
CREATE INDEX orders_by_product ON ordering_read.orders USING gin (product_ids);

-- The states an order went through; one row per state, so a redelivered event adds nothing.
CREATE TABLE ordering_read.order_timeline (
    order_id uuid        NOT NULL,
    status   text        NOT NULL,
    at       timestamptz NOT NULL,
    reason   text,
    PRIMARY KEY (order_id, status)
);

-- Bulk (B2B) orders: the request is stored at once (202) and processed by a consumer in chunks; each line keeps its result.
CREATE TABLE ordering.bulk_orders (
    id              uuid        PRIMARY KEY,
    customer_id     uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    mode            text        NOT NULL,
    status          text        NOT NULL,
    card_token      text        NOT NULL,
    order_id        uuid,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz
);

CREATE TABLE ordering.bulk_order_lines (
    bulk_order_id uuid     NOT NULL,
    line_no       smallint NOT NULL,
    product_id    uuid     NOT NULL,
    quantity      integer  NOT NULL CHECK (quantity > 0),
    unit_price    bigint   NOT NULL,
    result        text,
    PRIMARY KEY (bulk_order_id, line_no)
);

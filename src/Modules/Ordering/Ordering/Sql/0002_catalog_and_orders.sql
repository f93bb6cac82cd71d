-- Catalog. fillfactor leaves room on each page so the hot product's stock updates stay HOT (no index churn).
CREATE TABLE ordering.products (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    name            text        NOT NULL,
    price           bigint      NOT NULL CHECK (price > 0),
    stock           integer     NOT NULL CHECK (stock >= 0),
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
) WITH (fillfactor = 50);

CREATE TABLE ordering.orders (
    id              uuid        PRIMARY KEY,
    customer_id     uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    status          text        NOT NULL,
    cancel_reason   text,
    total           bigint      NOT NULL,
    card_token      text        NOT NULL,
    placed_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- No foreign key to products on purpose: its share locks on the hot product row serialized and deadlocked orders.
CREATE TABLE ordering.order_lines (
    order_id   uuid     NOT NULL,
    line_no    smallint NOT NULL,
    product_id uuid     NOT NULL,
    quantity   integer  NOT NULL CHECK (quantity > 0),
    unit_price bigint   NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- First answer per (customer, Idempotency-Key); a row older than 24 h no longer counts and is overwritten.
CREATE TABLE ordering.idempotency_keys (
    customer_id   uuid        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status_code   integer     NOT NULL,
    response_body text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (customer_id, key)
);

-- Per-order reservation, used by the batcher when a batch's summed demand does not fit: each order takes all its
-- lines or none (a multi-line order runs in a subtransaction that is rolled back when a line is short; a one-line
-- order needs none). Lines arrive grouped by order index. Returns one row per refused order with its short products.
CREATE FUNCTION ordering.reserve_each(line_order integer[], line_product uuid[], line_quantity integer[])
RETURNS TABLE (order_index integer, short_products uuid[]) LANGUAGE plpgsql AS $$
DECLARE
    i integer := 1;
    n integer := coalesce(array_length(line_order, 1), 0);
    last_line integer;
    shorts uuid[];
BEGIN
    WHILE i <= n LOOP
        last_line := i;
        WHILE last_line < n AND line_order[last_line + 1] = line_order[i] LOOP
            last_line := last_line + 1;
        END LOOP;
        shorts := '{}';
        IF last_line = i THEN
            UPDATE ordering.products SET stock = stock - line_quantity[i]
             WHERE id = line_product[i] AND stock >= line_quantity[i] AND status = 'Active';
            IF NOT FOUND THEN
                shorts := ARRAY[line_product[i]];
            END IF;
        ELSE
            BEGIN
                FOR j IN i..last_line LOOP
                    UPDATE ordering.products SET stock = stock - line_quantity[j]
                     WHERE id = line_product[j] AND stock >= line_quantity[j] AND status = 'Active';
                    IF NOT FOUND THEN
                        shorts := shorts || line_product[j];
                    END IF;
                END LOOP;
                IF cardinality(shorts) > 0 THEN
                    RAISE EXCEPTION 'order % is short' , line_order[i] USING ERRCODE = 'P0001';
                END IF;
            EXCEPTION WHEN raise_exception THEN
                -- The subtransaction is undone; shorts (a variable) survives.
                NULL;
            END;
        END IF;
        IF cardinality(shorts) > 0 THEN
            order_index := line_order[i];
            short_products := shorts;
            RETURN NEXT;
        END IF;
        i := last_line + 1;
    END LOOP;
END $$;

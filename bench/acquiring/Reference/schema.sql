-- The reference's own tables, next to the acquisition schema whose payments and merchants it reads (the same data the
-- acquiring loop reads).
DROP SCHEMA IF EXISTS acquiring_reference CASCADE;
CREATE SCHEMA acquiring_reference;
CREATE TABLE acquiring_reference.acquisitions (
    payment_id  uuid        PRIMARY KEY,
    merchant_id uuid        NOT NULL,
    amount      bigint      NOT NULL,
    fee         bigint      NOT NULL,
    vat         bigint      NOT NULL,
    approved_at timestamptz NOT NULL,
    acquired_at timestamptz NOT NULL
);
CREATE TABLE acquiring_reference.errors (
    payment_id   uuid        NOT NULL,
    code         text        NOT NULL,
    message      text        NOT NULL,
    first_seen   timestamptz NOT NULL
);
CREATE INDEX errors_by_payment ON acquiring_reference.errors (payment_id);

-- The seed's final design: the statistics row of a project, locked by every pledge; the composite index that makes a
-- backer's second live pledge fail; and an outbox row for the payment request, all in the pledge's one transaction.
DROP SCHEMA IF EXISTS funding_reference CASCADE;
CREATE SCHEMA funding_reference;
CREATE TABLE funding_reference.project_stats (
    project_id uuid   PRIMARY KEY,
    amount     bigint NOT NULL,
    backers    integer NOT NULL
);
CREATE TABLE funding_reference.tiers (
    id         uuid    PRIMARY KEY,
    project_id uuid    NOT NULL,
    price      bigint  NOT NULL,
    quantity   integer,
    reserved   integer NOT NULL DEFAULT 0
);
CREATE TABLE funding_reference.pledges (
    id         uuid        PRIMARY KEY,
    project_id uuid        NOT NULL,
    backer_id  uuid        NOT NULL,
    tier_id    uuid        NOT NULL,
    amount     bigint      NOT NULL,
    status     text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX pledges_one_per_backer ON funding_reference.pledges (project_id, backer_id);
CREATE TABLE funding_reference.outbox (
    id         uuid        PRIMARY KEY,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);

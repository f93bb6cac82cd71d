-- Projects and their reward tiers. Only the domain type (EF) writes projects; tiers' `reserved` is changed only by
-- conditional UPDATEs (the pledge batcher, releases), never by EF. fillfactor keeps the hot tier's updates HOT.
CREATE TABLE funding.projects (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    title           text        NOT NULL,
    goal            bigint      NOT NULL CHECK (goal > 0),
    starts_at       timestamptz NOT NULL,
    deadline        timestamptz NOT NULL,
    status          text        NOT NULL,
    version         integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- The close worker's query: open projects whose deadline has passed.
CREATE INDEX projects_due ON funding.projects (deadline) WHERE status = 'Open';

CREATE TABLE funding.reward_tiers (
    id         uuid     PRIMARY KEY,
    project_id uuid     NOT NULL,
    position   smallint NOT NULL,
    name       text     NOT NULL,
    price      bigint   NOT NULL CHECK (price > 0),
    quantity   integer  CHECK (quantity > 0),
    reserved   integer  NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND (quantity IS NULL OR reserved <= quantity))
) WITH (fillfactor = 50);

CREATE INDEX reward_tiers_by_project ON funding.reward_tiers (project_id, position);

CREATE TABLE funding.pledges (
    id              uuid        PRIMARY KEY,
    project_id      uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    merchant_id     uuid        NOT NULL,
    backer_id       uuid        NOT NULL,
    tier_id         uuid,
    amount          bigint      NOT NULL CHECK (amount > 0),
    card_token      text        NOT NULL,
    status          text        NOT NULL,
    reason          text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- The duplicate check: at most one live pledge per backer and project. The batcher's INSERT ... ON CONFLICT infers
-- this index, so a concurrent second pledge (another batch, another host) waits for the first and is refused.
CREATE UNIQUE INDEX pledges_one_live_per_backer ON funding.pledges (project_id, backer_id) WHERE status IN ('Pending', 'Completed');

-- The close worker's refunds and the benchmark's correctness check: a project's pledges by status.
CREATE INDEX pledges_by_project_status ON funding.pledges (project_id, status);

-- Project totals as commutative increments spread over 16 stripes per (project, tier): concurrent completions of a hot
-- project rarely wait for one another's row, and no update is ever lost or refused. The total is the stripes' sum.
-- tier_key is the tier id, or the all-zero uuid for pledges without a reward.
CREATE TABLE funding.project_totals (
    project_id uuid     NOT NULL,
    tier_key   uuid     NOT NULL,
    stripe     smallint NOT NULL,
    amount     bigint   NOT NULL,
    backers    integer  NOT NULL,
    PRIMARY KEY (project_id, tier_key, stripe)
);

-- The pledge saga (one row per pledge while it waits for payment, and after a failure to void a late approval).
CREATE TABLE funding.pledge_states (
    correlation_id       uuid        PRIMARY KEY,
    current_state        text        NOT NULL,
    merchant_id          uuid        NOT NULL,
    amount               bigint      NOT NULL,
    pledged_at           timestamptz NOT NULL,
    payment_deadline     timestamptz NOT NULL,
    timeout_published_at timestamptz
);

-- The timeout worker's query: due deadlines of pledges still waiting for the payment answer.
CREATE INDEX pledge_states_due ON funding.pledge_states (payment_deadline)
    WHERE current_state = 'AwaitingPayment' AND timeout_published_at IS NULL;

-- First answer per (backer, Idempotency-Key) of the pledge endpoint (the batcher commits many pledges at once, so the
-- unit of work's per-command request_keys do not apply); a row older than 24 h no longer counts and is overwritten.
CREATE TABLE funding.pledge_keys (
    backer_id     uuid        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status_code   integer     NOT NULL,
    pledge_id     uuid        NOT NULL,
    response_body text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (backer_id, key)
);

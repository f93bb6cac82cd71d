-- The ledger itself is Settlement's read model (settlement_read, Marten; SettlementReadStore declares it). These are
-- the write-side rows around it: export jobs, reconciliation runs and what they found, and acquisitions that could not
-- be ledgered.

CREATE TABLE settlement.export_jobs (
    id              uuid        PRIMARY KEY,
    requested_by    uuid        NOT NULL,
    -- The tenant the export is scoped to; null for operators (every organization).
    organization_id uuid,
    filter          jsonb       NOT NULL,
    filter_hash     text        NOT NULL,
    status          text        NOT NULL,
    rows_counted    bigint,
    rows_written    bigint      NOT NULL DEFAULT 0,
    size_bytes      bigint,
    file_key        text,
    file_name       text,
    content_type    text,
    error           text,
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    lease_until     timestamptz,
    completed_at    timestamptz,
    expires_at      timestamptz
);

-- A gateway retry of the same request while its job is active finds that job: at most one active job per (user, filter).
CREATE UNIQUE INDEX export_jobs_one_active_per_request ON settlement.export_jobs (requested_by, filter_hash)
    WHERE status IN ('Queued', 'Running');
-- The user's export queue, newest first.
CREATE INDEX export_jobs_by_user ON settlement.export_jobs (requested_by, created_at DESC, id DESC);
-- The worker's claim: queued jobs, and running ones whose host stopped renewing the lease.
CREATE INDEX export_jobs_claimable ON settlement.export_jobs (created_at) WHERE status IN ('Queued', 'Running');
-- Retention: ready files past their expiry.
CREATE INDEX export_jobs_expiring ON settlement.export_jobs (expires_at) WHERE status = 'Ready';

CREATE TABLE settlement.reconciliation_runs (
    id           uuid        PRIMARY KEY,
    day          date        NOT NULL,
    trigger      text        NOT NULL,
    requested_by uuid,
    status       text        NOT NULL,
    pages        integer     NOT NULL DEFAULT 0,
    compared     bigint      NOT NULL DEFAULT 0,
    missing      bigint      NOT NULL DEFAULT 0,
    changed      bigint      NOT NULL DEFAULT 0,
    extra        bigint      NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL,
    completed_at timestamptz
);

-- The schedule runs each day once, whatever the number of hosts.
CREATE UNIQUE INDEX reconciliation_runs_one_scheduled_per_day ON settlement.reconciliation_runs (day) WHERE trigger = 'Scheduled';
CREATE INDEX reconciliation_runs_by_day ON settlement.reconciliation_runs (day, started_at DESC);

-- What a run repaired, one row per ledger row it inserted, rewrote or removed.
CREATE TABLE settlement.reconciliation_differences (
    run_id         uuid NOT NULL,
    entry_id       uuid NOT NULL,
    acquisition_id uuid NOT NULL,
    kind           text NOT NULL,
    PRIMARY KEY (run_id, entry_id)
);

-- Acquisitions whose entry the ledger cannot hold (unknown kind, impossible amounts): set apart, never failing the
-- rest of their chunk; reconciliation keeps reporting them as missing until Acquisition corrects them.
CREATE TABLE settlement.unledgered_acquisitions (
    acquisition_id uuid        PRIMARY KEY,
    reason         text        NOT NULL,
    entry          jsonb       NOT NULL,
    received_at    timestamptz NOT NULL
);

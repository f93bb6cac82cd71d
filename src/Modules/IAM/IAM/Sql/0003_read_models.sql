-- Read side, written only by projections of IAM's integration events; keyset-paged by the time-ordered id.
CREATE TABLE iam_read.organizations (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL,
    name                text        NOT NULL,
    registration_number text        NOT NULL,
    status              text        NOT NULL,
    created_at          timestamptz NOT NULL
);
-- Lists filtered by kind (and status on top), newest first.
CREATE INDEX organizations_by_kind ON iam_read.organizations (kind, id DESC);

CREATE TABLE iam_read.users (
    id              uuid        PRIMARY KEY,
    email           text        NOT NULL,
    name            text        NOT NULL,
    organization_id uuid,
    roles           text[]      NOT NULL,
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- A merchant admin's users (every merchant query is scoped to one organization), newest first.
CREATE INDEX users_by_organization ON iam_read.users (organization_id, id DESC);
-- E-mail prefix search.
CREATE INDEX users_by_email ON iam_read.users (email text_pattern_ops);
-- Role filter.
CREATE INDEX users_by_role ON iam_read.users USING gin (roles);

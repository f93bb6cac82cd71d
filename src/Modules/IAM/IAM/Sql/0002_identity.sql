-- Organizations, their billing contacts and users (write model).
CREATE TABLE iam.organizations (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL,
    name                text        NOT NULL,
    registration_number text        NOT NULL,
    status              text        NOT NULL,
    created_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX organizations_registration_number ON iam.organizations (registration_number);

CREATE TABLE iam.contacts (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES iam.organizations (id),
    name            text        NOT NULL,
    email           text        NOT NULL,
    is_primary      boolean     NOT NULL,
    created_at      timestamptz NOT NULL
);
-- The batched contact lookup (organization_id = ANY(...)) and the one-primary rule.
CREATE INDEX contacts_by_organization ON iam.contacts (organization_id);
CREATE UNIQUE INDEX contacts_one_primary ON iam.contacts (organization_id) WHERE is_primary;

-- E-mail is stored normalized (trimmed, lower case), so uniqueness is case-insensitive.
CREATE TABLE iam.users (
    id                    uuid        PRIMARY KEY,
    email                 text        NOT NULL,
    name                  text        NOT NULL,
    organization_id       uuid        REFERENCES iam.organizations (id),
    roles                 text[]      NOT NULL,
    status                text        NOT NULL,
    password_hash         bytea,
    password_salt         bytea,
    password_iterations   integer,
    failed_logins         integer     NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    invitation_token_hash bytea,
    invitation_sent_at    timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email ON iam.users (email);
CREATE UNIQUE INDEX users_invitation_token ON iam.users (invitation_token_hash) WHERE invitation_token_hash IS NOT NULL;

-- Bulk invitations: the request is stored at once (202); consumers classify the rows, then e-mail them in chunks.
CREATE TABLE iam.invitation_jobs (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES iam.organizations (id),
    roles           text[]      NOT NULL,
    requested_by    uuid        NOT NULL,
    status          text        NOT NULL,
    chunks_total    integer     NOT NULL DEFAULT 0,
    chunks_done     integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz
);

-- result: Pending, then Invalid, Duplicate, AlreadyRegistered or Invited; an Invited row becomes Sent or Failed.
CREATE TABLE iam.invitation_rows (
    job_id  uuid     NOT NULL REFERENCES iam.invitation_jobs (id),
    row_no  smallint NOT NULL,
    email   text     NOT NULL,
    result  text     NOT NULL,
    user_id uuid,
    error   text,
    PRIMARY KEY (job_id, row_no)
);

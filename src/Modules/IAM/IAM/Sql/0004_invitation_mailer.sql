-- Invitation e-mails leave from InvitationMailer, which holds no transaction while it talks SMTP. The token is minted
-- with the invited user, so it exists in the database before any e-mail carries it, and it is kept in the row only
-- until the SMTP server accepted the e-mail: a retry re-sends that same token instead of minting a new one.
ALTER TABLE iam.invitation_rows
    ADD COLUMN mail_token        text,
    ADD COLUMN mail_leased_until timestamptz,
    ADD COLUMN mail_attempts     smallint NOT NULL DEFAULT 0;

-- The mailer's lease query: rows still waiting for their e-mail.
CREATE INDEX invitation_rows_mail_due ON iam.invitation_rows (job_id, row_no) WHERE result = 'Invited' AND mail_token IS NOT NULL;

-- Jobs complete when no row waits for its e-mail any more; chunk counting went with the chunk messages.
ALTER TABLE iam.invitation_jobs DROP COLUMN chunks_total, DROP COLUMN chunks_done;

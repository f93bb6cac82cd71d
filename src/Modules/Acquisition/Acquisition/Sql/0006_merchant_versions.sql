-- Every change of a merchant is published with its version, so the merchant list (a Marten document,
-- acquisition_read.mt_doc_merchantdocument) keeps the newest state whatever the arrival order.
ALTER TABLE acquisition.merchants ADD COLUMN version integer NOT NULL DEFAULT 1;
-- The list moved to the read side; the write side is looked up by id and by the unique indexes only.
DROP INDEX acquisition.merchants_by_organization;

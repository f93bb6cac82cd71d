-- IAM's read models moved to Marten documents (iam_read.mt_doc_organizationdocument and mt_doc_userdocument, applied by
-- the migrate step); `Host --rebuild-read-models iam` fills them from the write model.
DROP TABLE IF EXISTS iam_read.users;
DROP TABLE IF EXISTS iam_read.organizations;
